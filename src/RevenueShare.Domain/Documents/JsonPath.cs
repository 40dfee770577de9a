using System.Globalization;

namespace RevenueShare.Domain.Documents;

/// <summary>
/// Builds the JSON paths problems are reported at (<c>$.terms[0].schedule[1].ratios.440106</c>).
/// Keys that came from the input (district codes, indicator codes) are written in dot form when they
/// are plain, and in bracket form otherwise, so a hostile key can never forge a different path.
/// </summary>
internal static class JsonPath
{
    public const string Root = "$";

    public static string Member(string parent, string name) =>
        IsPlain(name) ? $"{parent}.{name}" : $"{parent}['{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";

    public static string Index(string parent, int index) =>
        $"{parent}[{index.ToString(CultureInfo.InvariantCulture)}]";

    /// <summary>
    /// The path of a sibling member: <c>Sibling("$.terms", "from")</c> is <c>$.from</c>. Used when a
    /// reader is handed only the path of one part of a larger document.
    /// </summary>
    public static string Sibling(string path, string name)
    {
        var dot = path.LastIndexOf('.');
        var parent = dot > 0 && path.IndexOf('[', dot) < 0 ? path[..dot] : path;
        return Member(parent, name);
    }

    private static bool IsPlain(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
