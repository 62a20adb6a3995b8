using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Registry.Api.Http;

namespace Registry.Tests.Http;

public sealed class CursorCodecTests
{
    private static readonly CursorCodec s_codec = new(RandomNumberGenerator.GetBytes(32));
    private const string Accounts = "listAccounts?#";
    private const string Position = "0199a2b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b";

    [Theory]
    [InlineData(Position)]
    [InlineData("{\"Value\":\"豊田精密工業 株式会社\",\"Id\":\"0199a2b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b\"}")]
    [InlineData("")]
    public void ACursorReadsBackAsThePositionItWasMadeFor(string position)
    {
        var cursor = s_codec.Encode(Accounts, position);

        Assert.Equal(position, s_codec.Decode(Accounts, cursor));
        Assert.DoesNotContain('=', cursor);
        Assert.True(cursor.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'), "URL-safe as it is");
    }

    [Fact]
    public void EveryChangedByteIsRefused()
    {
        var bytes = Base64Url.DecodeFromChars(s_codec.Encode(Accounts, Position));

        for (var i = 0; i < bytes.Length; i++)
        {
            var tampered = (byte[])bytes.Clone();
            tampered[i] ^= 0x01;
            Assert.Null(s_codec.Decode(Accounts, Base64Url.EncodeToString(tampered)));
        }
    }

    [Fact]
    public void ACursorOfAnotherListOrSortIsRefused()
    {
        var byName = s_codec.Encode("searchSuppliers?#Name", "{\"Value\":\"a\",\"Id\":\"0199a2b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b\"}");
        var deliveries = s_codec.Encode("listWebhookDeliveries?id=0199a2b4-0000-7000-8000-000000000001#", Position);

        Assert.Null(s_codec.Decode("searchSuppliers?#Distance", byName));
        Assert.Null(s_codec.Decode(Accounts, byName));
        Assert.Null(s_codec.Decode("listWebhookDeliveries?id=0199a2b4-0000-7000-8000-000000000002#", deliveries));
        Assert.Null(s_codec.Decode("listApiClients?#", s_codec.Encode(Accounts, Position)));
    }

    [Fact]
    public void ACursorSignedWithAnotherKeyIsRefused()
    {
        var other = new CursorCodec(RandomNumberGenerator.GetBytes(32));

        Assert.Null(s_codec.Decode(Accounts, other.Encode(Accounts, Position)));
    }

    [Theory]
    [InlineData("e30")]                                   // {}
    [InlineData("eyJ4IjoxfQ")]                            // {"x":1}
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("!!!not base64!!!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]                // sixteen zero bytes: a tag and nothing else
    public void GarbageIsRefused(string cursor) => Assert.Null(s_codec.Decode(Accounts, cursor));

    [Fact]
    public void AnUnsignedCursorOfTheOldFormIsRefused() =>
        Assert.Null(s_codec.Decode(Accounts, Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Position))));

    [Fact]
    public void AShortKeyIsRefused() => Assert.Throws<ArgumentException>(() => new CursorCodec(new byte[16]));

    [Fact]
    public void ProcessesSharingAKeyDirectoryShareTheKeyMadeByTheFirst()
    {
        var directory = Directory.CreateTempSubdirectory("cursor-key-").FullName;
        try
        {
            var keys = Enumerable.Range(0, 8).AsParallel().Select(_ => CursorCodec.LoadKey(null, directory)).ToList();

            Assert.Equal(32, keys[0].Length);
            Assert.All(keys, key => Assert.Equal(keys[0], key));
            Assert.Equal(["cursor.key"], Directory.GetFiles(directory).Select(Path.GetFileName));
            var first = new CursorCodec(keys[0]);
            Assert.Equal(Position, new CursorCodec(CursorCodec.LoadKey(null, directory)).Decode(Accounts, first.Encode(Accounts, Position)));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void AConfiguredKeyIsUsedAsItIs()
    {
        var key = RandomNumberGenerator.GetBytes(48);

        Assert.Equal(key, CursorCodec.LoadKey(Convert.ToBase64String(key), "/nonexistent"));
        Assert.Throws<InvalidOperationException>(() => CursorCodec.LoadKey(Convert.ToBase64String(new byte[8]), "/nonexistent"));
    }
}
