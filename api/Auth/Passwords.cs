using Microsoft.AspNetCore.Identity;

namespace Registry.Api.Auth;

/// <summary>ASP.NET Core Identity's password hasher (PBKDF2, versioned format); passwords are never kept in clear.</summary>
public sealed class Passwords
{
    public const int MinLength = 12;

    private static readonly PasswordHasher<Passwords> s_hasher = new();

    // Verifying against this when the email is unknown costs the same as a real check, so timing does not tell
    // whether an account exists.
    private readonly string _decoy = s_hasher.HashPassword(new Passwords(), Guid.NewGuid().ToString());

    public string Hash(string password) => s_hasher.HashPassword(this, password);

    /// <summary>Whether it matches, and whether the stored hash should be upgraded to the current format.</summary>
    public (bool Valid, bool Rehash) Verify(string? hash, string password)
    {
        var result = s_hasher.VerifyHashedPassword(this, hash ?? _decoy, password);
        return hash is null
            ? (false, false)
            : (result is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded,
               result == PasswordVerificationResult.SuccessRehashNeeded);
    }

    public static string? Weakness(string password) =>
        password.Length < MinLength ? $"A password needs at least {MinLength} characters." : null;
}
