using Microsoft.AspNetCore.Identity;

namespace Registry.Api.Auth;

/// <summary>ASP.NET Core Identity's password hasher (PBKDF2, versioned format); passwords are never kept in clear.</summary>
public sealed class Passwords
{
    public const int MinLength = 12;

    // The hasher's user argument only serves subclasses that salt per user; the standard one ignores it.
    private static readonly PasswordHasher<object> s_hasher = new();
    private static readonly object s_anyUser = new();

    // Verifying against this when the email is unknown costs the same as a real check, so timing does not tell
    // whether an account exists.
    private static readonly string s_decoy = s_hasher.HashPassword(s_anyUser, Guid.NewGuid().ToString());

    public string Hash(string password) => s_hasher.HashPassword(s_anyUser, password);

    /// <summary>Whether it matches, and whether the stored hash should be upgraded to the current format.</summary>
    public (bool Valid, bool Rehash) Verify(string? hash, string password)
    {
        var result = s_hasher.VerifyHashedPassword(s_anyUser, hash ?? s_decoy, password);
        return hash is null
            ? (false, false)
            : (result is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded,
               result == PasswordVerificationResult.SuccessRehashNeeded);
    }

    public static string? Weakness(string password) =>
        password.Length < MinLength ? $"A password needs at least {MinLength} characters." : null;
}
