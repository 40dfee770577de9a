using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Tests.Support;

/// <summary>
/// Credit codes for tests, built with the real check character so they are valid by construction
/// (docs/reference-data.md): as wire text (<see cref="Valid"/>) or as a parsed <see cref="CreditCode"/>
/// (<see cref="Code"/>).
/// </summary>
internal static class Codes
{
    public const string FirstBase = "91440106123456788";
    public const string SecondBase = "91440112MA5ABCDE1";

    public static string First { get; } = Valid(FirstBase);

    public static string Second { get; } = Valid(SecondBase);

    /// <summary>The first 17 characters completed with their check character.</summary>
    public static string Valid(string first17) => first17 + CreditCode.CheckCharacter(first17);

    /// <summary>The first 17 characters completed with their check character, parsed.</summary>
    public static CreditCode Code(string first17) => CreditCode.Parse(Valid(first17));

    /// <summary>The same code with a check character that is not the right one.</summary>
    public static string WrongCheck(string first17)
    {
        var right = CreditCode.CheckCharacter(first17);
        return first17 + (right == '0' ? '1' : '0');
    }
}
