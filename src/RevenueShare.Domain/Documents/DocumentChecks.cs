using NodaTime;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Documents;

/// <summary>
/// Checks of single fields shared by the document readers. Each records its problem and returns null
/// rather than stopping, so a reader can go on and report every problem of a document at once.
/// </summary>
internal static class DocumentChecks
{
    public static ValidationProblem Required(string path) => new(path, $"{Describe(path)} is required.");

    /// <summary>A required free text (title, name, report id): present, not blank, and keeping <see cref="TextRules"/>.</summary>
    public static string? Text(string? text, string path, int maxLength, List<ValidationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(Required(path));
            return null;
        }

        if (TextRules.Problem(text, Describe(path), maxLength) is { } problem)
        {
            problems.Add(new(path, problem));
            return null;
        }

        return text;
    }

    public static YearMonth? Month(string? text, string path, List<ValidationProblem> problems)
    {
        if (string.IsNullOrEmpty(text))
        {
            problems.Add(Required(path));
            return null;
        }

        if (!Months.TryParse(text, out var month, out var error))
        {
            problems.Add(new(path, error));
            return null;
        }

        return month;
    }

    public static CreditCode? Code(string? text, string path, List<ValidationProblem> problems)
    {
        if (string.IsNullOrEmpty(text))
        {
            problems.Add(Required(path));
            return null;
        }

        if (!CreditCode.TryParse(text, out var code, out var error))
        {
            problems.Add(new(path, error));
            return null;
        }

        return code;
    }

    public static Indicator? KnownIndicator(string? code, string path, ReferenceData reference, List<ValidationProblem> problems)
    {
        if (string.IsNullOrEmpty(code))
        {
            problems.Add(Required(path));
            return null;
        }

        if (!reference.TryGetIndicator(code, out var indicator))
        {
            problems.Add(UnknownIndicator(code, path, reference));
            return null;
        }

        return indicator;
    }

    /// <summary>A district code of the catalogue; a missing or unknown one is a problem at <paramref name="path"/>.</summary>
    public static DistrictCode? KnownDistrict(string? code, string path, ReferenceData reference, List<ValidationProblem> problems)
    {
        if (string.IsNullOrEmpty(code))
        {
            problems.Add(Required(path));
            return null;
        }

        if (!(DistrictCode.TryParse(code, out var parsed, out _) && reference.TryGetDistrict(parsed, out _)))
        {
            problems.Add(UnknownDistrict(code, path));
            return null;
        }

        return parsed;
    }

    public static ValidationProblem UnknownIndicator(string code, string path, ReferenceData reference) =>
        new(path, $"Unknown indicator '{code}'; known indicators: {string.Join(", ", reference.Indicators.Select(i => i.Code))}.");

    public static ValidationProblem UnknownDistrict(string code, string path) =>
        new(path, $"Unknown district '{code}'; expected an administrative division code from the district catalogue, e.g. \"440106\".");

    /// <summary>An amount at <paramref name="scale"/>; <paramref name="nonNegative"/> for baselines, caps and percents.</summary>
    public static decimal? Amount(string? text, int scale, bool nonNegative, string path, List<ValidationProblem> problems)
    {
        if (!Amounts.TryParse(text, scale, out var amount, out var error))
        {
            problems.Add(new(path, error));
            return null;
        }

        if (nonNegative && amount < 0m)
        {
            problems.Add(new(path, $"'{text}' is negative; it must be 0 or more."));
            return null;
        }

        return amount;
    }

    /// <summary>"$.enterprises[0].name" reads as "name"; used as the subject of messages.</summary>
    private static string Describe(string path)
    {
        var start = path.LastIndexOf('.') + 1;
        return start > 0 && start < path.Length ? path[start..] : "This value";
    }
}
