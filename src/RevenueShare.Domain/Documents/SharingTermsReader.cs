using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Domain.Documents;

/// <summary>
/// The term rules (docs/agreements.md, Terms) shared by a new agreement and an amendment: they differ
/// only in the month the first schedule step must start at, and in where the parties and the period come
/// from.
/// </summary>
internal static class SharingTermsReader
{
    private const int PercentScale = 2;
    private const decimal Whole = 100m;
    private const string FormulaMode = "formula";

    /// <summary>
    /// Reads the terms, adding every problem to <paramref name="problems"/>. Returns the terms only if
    /// they are all valid. <paramref name="parties"/> is null when the parties are themselves unusable:
    /// then ratio keys are not held against them, so one missing list does not echo in every step.
    /// <paramref name="period"/> and <paramref name="start"/> are null when unknown, for the same reason.
    /// </summary>
    public static ImmutableArray<SharingTerm>? Read(
        IReadOnlyList<TermDocument?>? terms,
        string path,
        IReadOnlyList<DistrictCode>? parties,
        EffectivePeriod? period,
        YearMonth? start,
        string startName,
        ReferenceData reference,
        List<ValidationProblem> problems)
    {
        if (terms is null)
        {
            problems.Add(DocumentChecks.Required(path));
            return null;
        }

        if (terms.Count == 0)
        {
            problems.Add(new(path, "At least one term is required."));
            return null;
        }

        var before = problems.Count;
        var coveredBy = new Dictionary<string, string>(StringComparer.Ordinal);
        var built = ImmutableArray.CreateBuilder<SharingTerm>(terms.Count);
        for (var i = 0; i < terms.Count; i++)
        {
            var term = ReadTerm(terms[i], JsonPath.Index(path, i), coveredBy, parties, period, start, startName, reference, problems);
            if (term is not null)
            {
                built.Add(term);
            }
        }

        return problems.Count == before ? built.MoveToImmutable() : null;
    }

    private static SharingTerm? ReadTerm(
        TermDocument? term,
        string path,
        Dictionary<string, string> coveredBy,
        IReadOnlyList<DistrictCode>? parties,
        EffectivePeriod? period,
        YearMonth? start,
        string startName,
        ReferenceData reference,
        List<ValidationProblem> problems)
    {
        if (term is null)
        {
            problems.Add(DocumentChecks.Required(path));
            return null;
        }

        var before = problems.Count;
        var indicators = ReadIndicators(term.Indicators, JsonPath.Member(path, "indicators"), path, coveredBy, reference, problems);
        var mode = ReadMode(term.Mode, JsonPath.Member(path, "mode"), indicators, problems);
        // Read as a formula term even when its indicators refuse the mode, so its own members are still checked.
        if (term.Mode == FormulaMode)
        {
            var formula = ReadFormula(term, path, parties, reference, problems);
            return problems.Count != before || indicators is null || mode is null || formula is null
                ? null
                : new SharingTerm([.. indicators], AllocationMode.Formula, [], formula);
        }

        foreach (var (member, given) in new[] { ("hq", term.Hq is not null), ("hqPercent", term.HqPercent is not null), ("weights", term.Weights is not null) })
        {
            if (given)
            {
                problems.Add(new(JsonPath.Member(path, member), $"{member} belongs to a term in \"formula\" mode only; this term divides by its schedule."));
            }
        }

        var schedule = ReadSchedule(term.Schedule, JsonPath.Member(path, "schedule"), parties, period, start, startName, reference, problems);
        if (problems.Count != before || indicators is null || mode is null || schedule is null)
        {
            return null;
        }

        return new SharingTerm([.. indicators], mode.Value, schedule.Value);
    }

    /// <summary>
    /// A formula term's head office, its percent and the factors' weights (docs/allocation.md, Formula
    /// shares); the ratios of each year then come from the factors reported, so a schedule is refused.
    /// </summary>
    private static FormulaShares? ReadFormula(
        TermDocument term,
        string path,
        IReadOnlyList<DistrictCode>? parties,
        ReferenceData reference,
        List<ValidationProblem> problems)
    {
        var before = problems.Count;
        // An empty schedule is what the service answers for a formula term: sent back, it says nothing.
        if (term.Schedule is { Count: > 0 })
        {
            problems.Add(new(JsonPath.Member(path, "schedule"), "A term in \"formula\" mode has no schedule: its ratios come from the apportionment factors of the year before."));
        }

        var hqPath = JsonPath.Member(path, "hq");
        var hq = DocumentChecks.KnownDistrict(term.Hq, hqPath, reference, problems);
        if (hq is { } district && parties is not null && !parties.Contains(district))
        {
            problems.Add(new(hqPath, $"'{district}' is not a party to the agreement; the head office is one of the parties {string.Join(", ", parties)}."));
        }

        var hqPercentPath = JsonPath.Member(path, "hqPercent");
        decimal? hqPercent = null;
        if (term.HqPercent is null)
        {
            problems.Add(DocumentChecks.Required(hqPercentPath));
        }
        else if (DocumentChecks.Amount(term.HqPercent, PercentScale, nonNegative: true, hqPercentPath, problems) is { } percent)
        {
            if (percent > Whole)
            {
                problems.Add(new(hqPercentPath, $"'{term.HqPercent}' is more than 100 percent."));
            }
            else
            {
                hqPercent = Amounts.Round(percent, PercentScale);
            }
        }

        var weights = ReadWeights(term.Weights, JsonPath.Member(path, "weights"), problems);
        return problems.Count == before && hq is not null && hqPercent is not null && weights is not null
            ? new FormulaShares(hq.Value, hqPercent.Value, weights.Value)
            : null;
    }

    /// <summary>The factors' weights: percents with at most 2 decimals, each given, summing to exactly 100.</summary>
    private static ApportionmentFactors? ReadWeights(FactorsDocument? weights, string path, List<ValidationProblem> problems)
    {
        if (weights is null)
        {
            problems.Add(DocumentChecks.Required(path));
            return null;
        }

        var before = problems.Count;
        var read = new decimal?[ApportionmentFactors.Count];
        var texts = new[] { weights.OperatingRevenue, weights.Payroll, weights.Assets };
        for (var k = 0; k < ApportionmentFactors.Count; k++)
        {
            var memberPath = JsonPath.Member(path, ApportionmentFactors.Names[k]);
            if (texts[k] is null)
            {
                problems.Add(DocumentChecks.Required(memberPath));
                continue;
            }

            read[k] = DocumentChecks.Amount(texts[k], PercentScale, nonNegative: true, memberPath, problems) is { } weight
                ? Amounts.Round(weight, PercentScale)
                : null;
        }

        if (problems.Count != before)
        {
            return null;
        }

        var sum = read.Sum(w => w!.Value);
        if (sum != Whole)
        {
            problems.Add(new(path, $"The weights sum to {Amounts.FormatPercent(sum)}; they must sum to exactly 100."));
            return null;
        }

        return new ApportionmentFactors(read[0]!.Value, read[1]!.Value, read[2]!.Value);
    }

    private static List<Indicator>? ReadIndicators(
        IReadOnlyList<string?>? codes,
        string path,
        string termPath,
        Dictionary<string, string> coveredBy,
        ReferenceData reference,
        List<ValidationProblem> problems)
    {
        if (codes is null)
        {
            problems.Add(DocumentChecks.Required(path));
            return null;
        }

        if (codes.Count == 0)
        {
            problems.Add(new(path, "A term must list at least one indicator."));
            return null;
        }

        var indicators = new List<Indicator>(codes.Count);
        for (var i = 0; i < codes.Count; i++)
        {
            var itemPath = JsonPath.Index(path, i);
            var indicator = DocumentChecks.KnownIndicator(codes[i], itemPath, reference, problems);
            if (indicator is null)
            {
                continue;
            }

            if (indicators.Contains(indicator))
            {
                problems.Add(new(itemPath, $"Indicator '{indicator.Code}' is listed twice in this term."));
                continue;
            }

            // Disjoint terms are what lets a figure find the one term that allocates it.
            if (!coveredBy.TryAdd(indicator.Code, termPath))
            {
                problems.Add(new(itemPath, $"Indicator '{indicator.Code}' is already covered by {coveredBy[indicator.Code]}; indicators must be disjoint across terms."));
                continue;
            }

            indicators.Add(indicator);
        }

        return indicators;
    }

    private static AllocationMode? ReadMode(string? text, string path, List<Indicator>? indicators, List<ValidationProblem> problems)
    {
        AllocationMode mode;
        switch (text)
        {
            case null or "split":
                mode = AllocationMode.Split;
                break;
            case "double-count":
                mode = AllocationMode.DoubleCount;
                break;
            case FormulaMode:
                mode = AllocationMode.Formula;
                break;
            default:
                problems.Add(new(path, $"'{text}' is not a mode; expected \"split\", \"double-count\" or \"formula\"."));
                return null;
        }

        // The apportionment formula divides a consolidated tax between treasuries; statistics are
        // counted where the enterprise is and have no such rule.
        var statistics = indicators?.Where(i => i.Family == IndicatorFamily.Statistics).Select(i => i.Code).ToList() ?? [];
        if (mode == AllocationMode.Formula && statistics.Count > 0)
        {
            problems.Add(new(path, $"formula applies to tax indicators only; not to {string.Join(", ", statistics)}."));
            return null;
        }

        // Crediting every party the full figure is an assessment convention (全额双核算); for tax it
        // would move the same money to several treasuries.
        var tax = indicators?.Where(i => i.Family != IndicatorFamily.Statistics).Select(i => i.Code).ToList() ?? [];
        if (mode == AllocationMode.DoubleCount && tax.Count > 0)
        {
            problems.Add(new(path, $"double-count applies to statistics indicators only; not to {string.Join(", ", tax)}."));
            return null;
        }

        return mode;
    }

    private static ImmutableArray<RatioStep>? ReadSchedule(
        IReadOnlyList<RatioStepDocument?>? steps,
        string path,
        IReadOnlyList<DistrictCode>? parties,
        EffectivePeriod? period,
        YearMonth? start,
        string startName,
        ReferenceData reference,
        List<ValidationProblem> problems)
    {
        if (steps is null)
        {
            problems.Add(DocumentChecks.Required(path));
            return null;
        }

        if (steps.Count == 0)
        {
            problems.Add(new(path, "A schedule needs at least one step."));
            return null;
        }

        var before = problems.Count;
        var built = ImmutableArray.CreateBuilder<RatioStep>(steps.Count);
        YearMonth? previous = null;
        for (var i = 0; i < steps.Count; i++)
        {
            var stepPath = JsonPath.Index(path, i);
            var step = steps[i];
            if (step is null)
            {
                problems.Add(DocumentChecks.Required(stepPath));
                continue;
            }

            var fromPath = JsonPath.Member(stepPath, "from");
            var from = DocumentChecks.Month(step.From, fromPath, problems);
            if (from is { } month)
            {
                CheckFrom(month, i, previous, period, start, startName, fromPath, problems);
                previous = month;
            }

            var ratios = ReadRatios(step.Ratios, JsonPath.Member(stepPath, "ratios"), parties, reference, problems);
            if (from is not null && ratios is not null)
            {
                built.Add(new RatioStep(from.Value, ratios));
            }
        }

        return problems.Count == before ? built.MoveToImmutable() : null;
    }

    private static void CheckFrom(
        YearMonth from,
        int index,
        YearMonth? previous,
        EffectivePeriod? period,
        YearMonth? start,
        string startName,
        string path,
        List<ValidationProblem> problems)
    {
        // Every month of the period must have ratios in force, so the schedule starts exactly there.
        if (index == 0)
        {
            if (start is { } first && from != first)
            {
                problems.Add(new(path, $"The first step must start at {startName} ({Months.Format(first)}); got {Months.Format(from)}."));
            }

            return;
        }

        if (period is not null && !period.Contains(from))
        {
            problems.Add(new(path, $"{Months.Format(from)} lies outside the effective period {Months.Format(period.From)} to {Months.Format(period.To)}."));
        }
        else if (previous is { } earlier && from <= earlier)
        {
            problems.Add(new(path, $"Steps must start in strictly increasing months; {Months.Format(from)} does not come after {Months.Format(earlier)}."));
        }
    }

    private static ImmutableDictionary<DistrictCode, decimal>? ReadRatios(
        IReadOnlyDictionary<string, string?>? ratios,
        string path,
        IReadOnlyList<DistrictCode>? parties,
        ReferenceData reference,
        List<ValidationProblem> problems)
    {
        if (ratios is null)
        {
            problems.Add(DocumentChecks.Required(path));
            return null;
        }

        var before = problems.Count;
        var built = ImmutableDictionary.CreateBuilder<DistrictCode, decimal>();
        var sum = 0m;
        var allParsed = true;
        foreach (var (district, text) in ratios)
        {
            var keyPath = JsonPath.Member(path, district);
            var known = DistrictCode.TryParse(district, out var code, out _) && reference.TryGetDistrict(code, out _);
            if (!known)
            {
                problems.Add(DocumentChecks.UnknownDistrict(district, keyPath));
            }
            else if (parties is not null && !parties.Contains(code))
            {
                problems.Add(new(keyPath, $"'{district}' is not a party to the agreement; ratios are given for the parties {string.Join(", ", parties)} only."));
            }

            var percent = DocumentChecks.Amount(text, PercentScale, nonNegative: true, keyPath, problems);
            if (percent is null)
            {
                allParsed = false;
                continue;
            }

            if (percent > Whole)
            {
                problems.Add(new(keyPath, $"'{text}' is more than 100 percent."));
                allParsed = false;
                continue;
            }

            sum += percent.Value;
            if (known)
            {
                built[code] = Amounts.Round(percent.Value, PercentScale);
            }
        }

        if (parties is not null)
        {
            foreach (var party in parties.Where(p => !ratios.ContainsKey(p.Value)))
            {
                problems.Add(new(path, $"Party {party} has no percent; every party needs one (0 is allowed)."));
            }
        }

        // Only a sum of valid percents says something the problems above do not already say.
        if (allParsed && sum != Whole)
        {
            problems.Add(new(path, $"The percents sum to {sum.ToString(CultureInfo.InvariantCulture)}; they must sum to exactly 100."));
        }

        return problems.Count == before ? built.ToImmutable() : null;
    }
}
