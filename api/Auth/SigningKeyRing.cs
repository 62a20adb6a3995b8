using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Registry.Api.Auth;

/// <summary>
/// The ES256 keys of the built-in issuer. The newest key signs; every key still in the ring verifies, so tokens
/// signed before a rotation stay valid until they expire. Keys come from configuration (Auth:SigningKeys, PEM) or,
/// for the self-contained deployment, from Auth:KeyDirectory, where the first key is generated on first run.
/// The directory is re-read every minute, so a rotation done by one process reaches the others.
/// </summary>
public sealed class SigningKeyRing
{
    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;

    /// <summary>At most this many keys verify (the JWKS the contract publishes holds at most 16).</summary>
    public const int MaxKeys = 16;

    private static readonly TimeSpan s_reloadEvery = TimeSpan.FromMinutes(1);

    private readonly AuthOptions _options;
    private readonly string? _directory;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private List<ECDsaSecurityKey> _keys = [];
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;

    public SigningKeyRing(AuthOptions options, string contentRoot, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        _directory = options.SigningKeys.Count == 0 ? Path.GetFullPath(options.KeyDirectory, contentRoot) : null;
    }

    /// <summary>The key new tokens are signed with.</summary>
    public ECDsaSecurityKey Current => Keys[0];

    /// <summary>Every key that verifies, newest first.</summary>
    public IReadOnlyList<ECDsaSecurityKey> Keys
    {
        get
        {
            lock (_gate)
            {
                if (_keys.Count == 0 || (_directory is not null && _clock.GetUtcNow() - _loadedAt > s_reloadEvery))
                {
                    _keys = Load();
                    _loadedAt = _clock.GetUtcNow();
                }

                return _keys;
            }
        }
    }

    /// <summary>Adds a new signing key (directory mode). Older keys keep verifying until their tokens have expired.</summary>
    public string Rotate()
    {
        if (_directory is null)
        {
            throw new InvalidOperationException("Keys come from configuration (Auth:SigningKeys): rotate them there.");
        }

        lock (_gate)
        {
            var kid = Generate(_directory);
            _keys = Load();
            _loadedAt = _clock.GetUtcNow();
            return kid;
        }
    }

    private List<ECDsaSecurityKey> Load()
    {
        if (_directory is null)
        {
            return [.. _options.SigningKeys.Select(FromPem)];
        }

        Directory.CreateDirectory(_directory);
        var files = Directory.GetFiles(_directory, "*.pem").Order(StringComparer.Ordinal).Reverse().ToList();
        if (files.Count == 0)
        {
            Generate(_directory);
            files = [.. Directory.GetFiles(_directory, "*.pem")];
        }

        // A key stays while tokens it signed may still be alive: until its successor has signed for a whole
        // token lifetime (plus the allowed clock skew). Rotations in quick succession could keep any number alive;
        // past MaxKeys the oldest retire early, and their few tokens get 401 (clients refresh, as at expiry).
        var keep = new List<ECDsaSecurityKey>();
        DateTimeOffset? successorSince = null;
        foreach (var file in files)
        {
            if (keep.Count == MaxKeys
                || (successorSince is { } since && _clock.GetUtcNow() - since > _options.AccessTokenLifetime + TimeSpan.FromMinutes(5)))
            {
                break;
            }

            keep.Add(FromPem(File.ReadAllText(file)));
            successorSince = CreatedAt(file);
        }

        return keep;
    }

    private const string FileTimeFormat = "yyyyMMdd'T'HHmmssfff";

    /// <summary>A key file is named after the moment it was made, so that names sort by age.</summary>
    private static DateTimeOffset CreatedAt(string file) =>
        DateTimeOffset.TryParseExact(Path.GetFileNameWithoutExtension(file), FileTimeFormat, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var created)
            ? created
            : File.GetLastWriteTimeUtc(file);

    private string Generate(string directory)
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = ec.ExportPkcs8PrivateKeyPem();
        var name = _clock.GetUtcNow().ToString(FileTimeFormat, System.Globalization.CultureInfo.InvariantCulture) + ".pem";
        var path = Path.Combine(directory, name);
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            // A private key: readable by the service's user only, from the moment it exists.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file.SafeFileHandle, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            using var writer = new StreamWriter(file);
            writer.Write(pem);
        }

        return FromPem(pem).KeyId;
    }

    private static ECDsaSecurityKey FromPem(string pem)
    {
        var ec = ECDsa.Create();
        ec.ImportFromPem(pem);
        var key = new ECDsaSecurityKey(ec);
        // RFC 7638 thumbprint: the same key always has the same kid, in every process.
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }
}
