using System.Security.Cryptography;

namespace AuditAdmin.Core.Identity;

/// <summary>Random passwords for first-run admins and admin resets: letters and digits, no look-alikes.</summary>
public static class PasswordGenerator
{
    public const int DefaultLength = 20;

    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";
    private const string All = Lower + Upper + Digits;

    /// <summary>About 118 bits for the default length; always one lower, one upper and one digit (the password rules).</summary>
    public static string Generate(int length = DefaultLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 12);
        var chars = RandomNumberGenerator.GetItems<char>(All, length);
        chars[0] = RandomNumberGenerator.GetItems<char>(Lower, 1)[0];
        chars[1] = RandomNumberGenerator.GetItems<char>(Upper, 1)[0];
        chars[2] = RandomNumberGenerator.GetItems<char>(Digits, 1)[0];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
