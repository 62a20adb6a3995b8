using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Registry.Api.Http;

/// <summary>
/// Tamper-evident list cursors. A cursor is the key of the last row given out, followed by an HMAC-SHA256 over that
/// key and the list it belongs to (the endpoint, its route values and its sort), base64url-encoded. A cursor this
/// service did not issue for this very list — edited, forged, of another list or sort — does not verify, so a
/// handler only ever parses keys it wrote itself. The key is not secret from the caller (it is the last row's sort
/// key); the signature only says who made it. Pure.
/// </summary>
public sealed class CursorCodec
{
    // 128 bits of the HMAC: forging one is out of reach, and cursors stay short in a URL.
    private const int TagBytes = 16;
    private const int MinKeyBytes = 32;

    // Part of every signature: a change of the cursor format makes the cursors of the old one fail to verify.
    private static readonly byte[] s_format = "registry-cursor-1"u8.ToArray();

    private readonly byte[] _key;

    public CursorCodec(byte[] key)
    {
        if (key.Length < MinKeyBytes)
        {
            throw new ArgumentException($"A cursor key has at least {MinKeyBytes} bytes.", nameof(key));
        }

        _key = key;
    }

    public string Encode(string list, string position)
    {
        var body = Encoding.UTF8.GetBytes(position);
        var cursor = new byte[body.Length + TagBytes];
        body.CopyTo(cursor, 0);
        Sign(list, body, cursor.AsSpan(body.Length));
        return Base64Url.EncodeToString(cursor);
    }

    /// <summary>The position a cursor of this list carries; null when this service did not issue it for this list.</summary>
    public string? Decode(string list, string cursor)
    {
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length < TagBytes)
        {
            return null;
        }

        var body = bytes.AsSpan(0, bytes.Length - TagBytes);
        Span<byte> expected = stackalloc byte[TagBytes];
        Sign(list, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(body.Length)) ? Encoding.UTF8.GetString(body) : null;
    }

    private void Sign(string list, ReadOnlySpan<byte> body, Span<byte> tag)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(s_format);
        // The list's length first, so that no split of list and body can pass for another.
        var name = Encoding.UTF8.GetBytes(list);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, name.Length);
        hmac.AppendData(length);
        hmac.AppendData(name);
        hmac.AppendData(body);
        Span<byte> mac = stackalloc byte[32];
        hmac.GetHashAndReset(mac);
        mac[..TagBytes].CopyTo(tag);
    }

    /// <summary>
    /// The key every process of a deployment signs and verifies with: Paging:CursorKey (base64, at least 32 bytes),
    /// else cursor.key in the key directory (Auth:KeyDirectory, which the processes share anyway for the signing and
    /// Data Protection keys), made on first use.
    /// </summary>
    public static byte[] LoadKey(string? configured, string keyDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var key = Convert.FromBase64String(configured.Trim());
            return key.Length >= MinKeyBytes ? key : throw new InvalidOperationException($"Paging:CursorKey must be at least {MinKeyBytes} bytes (base64).");
        }

        var path = Path.Combine(keyDirectory, "cursor.key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(keyDirectory);
            // Written aside and moved into place, so that a process starting at the same moment reads a whole key:
            // the first move wins and the others read the winner's.
            var draft = Path.Combine(keyDirectory, $"cursor.key.{Guid.NewGuid():N}");
            using (var file = new FileStream(draft, FileMode.CreateNew, FileAccess.Write))
            {
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(file.SafeFileHandle, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinKeyBytes))));
            }

            try
            {
                File.Move(draft, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(draft);
            }
        }

        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}
