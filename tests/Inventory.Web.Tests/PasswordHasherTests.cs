using Inventory.Web.Auth;

namespace Inventory.Web.Tests;

public sealed class PasswordHasherTests
{
    [Fact]
    public void Verify_TheHashedPassword_IsTrue()
    {
        var hash = PasswordHasher.Hash("correct horse");

        Assert.StartsWith("pbkdf2-sha512$210000$", hash, StringComparison.Ordinal);
        Assert.True(PasswordHasher.Verify("correct horse", hash));
        Assert.False(PasswordHasher.Verify("correct horsE", hash));
    }

    [Fact]
    public void Verify_NoStoredHash_IsFalse() => Assert.False(PasswordHasher.Verify("anything", null));

    /// <summary>An account the cloud withholds from a box arrives with an empty hash: it never signs in there.</summary>
    [Theory]
    [InlineData("")]
    [InlineData("any password")]
    public void Verify_EmptyStoredHash_IsFalse(string password) => Assert.False(PasswordHasher.Verify(password, ""));

    [Fact]
    public void Verify_AnotherScheme_IsFalse() => Assert.False(PasswordHasher.Verify("x", "bcrypt$10$abc$def"));

    [Fact]
    public void Hash_SamePasswordTwice_UsesDifferentSalts() =>
        Assert.NotEqual(PasswordHasher.Hash("same password"), PasswordHasher.Hash("same password"));
}
