using System.Globalization;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Benchmarks;

/// <summary>Rule kinds mixed over the generated agreements (docs/allocation.md).</summary>
internal enum RuleKind
{
    Plain,
    Tiers,
    Baselines,
    Caps,
    ThreeParties,
}

internal sealed record GeneratedAgreement(int Index, RuleKind Kind, bool DoubleCount, AgreementDocument Document, IReadOnlyList<string> Enterprises)
{
    public DistrictCode Proposer => DistrictCode.Parse(Document.Parties![0]!.District!);

    public IEnumerable<DistrictCode> Countersigners => Document.Parties!.Skip(1).Select(p => DistrictCode.Parse(p!.District!));
}

/// <summary>
/// A deterministic city-year (fixed seed): 11 districts, agreements of every rule kind, enterprises
/// with distinct valid credit codes, six indicators, twelve months of 2025.
/// </summary>
internal sealed class Generator
{
    public const int Seed = 20250101;
    public static readonly string[] TaxIndicators = ["vat", "cit", "pit"];
    public static readonly string[] StatisticsIndicators = ["industrial-output", "value-added", "operating-revenue"];
    private const string CodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private readonly ReferenceData reference;

    public Generator(ReferenceData reference, double scale)
    {
        this.reference = reference;
        AgreementCount = Math.Max(5, (int)Math.Round(200 * scale));
        EnterpriseCount = Math.Max(AgreementCount * 2, (int)Math.Round(4000 * scale));
        LargestEnterprises = Math.Max(2, (int)Math.Round(1000 * scale));
    }

    public int AgreementCount { get; }

    public int EnterpriseCount { get; }

    public int LargestEnterprises { get; }

    /// <summary>A valid, distinct credit code for enterprise <paramref name="n"/> registered in a district.</summary>
    public static string CreditCodeFor(int n, string district, char series = 'A')
    {
        Span<char> body = stackalloc char[17];
        "91".CopyTo(body);
        district.AsSpan().CopyTo(body[2..]);
        body[8] = 'M';
        body[9] = series;
        var rest = n;
        for (var i = 16; i >= 10; i--)
        {
            body[i] = CodeAlphabet[rest % 31];
            rest /= 31;
        }

        return new string(body) + CreditCode.CheckCharacter(body);
    }

    public IReadOnlyList<GeneratedAgreement> Agreements()
    {
        var random = new Random(Seed);
        var districts = reference.Districts.Select(d => d.Code).ToArray();
        var result = new List<GeneratedAgreement>();
        var next = 0;
        for (var a = 0; a < AgreementCount; a++)
        {
            var kind = (RuleKind)(a % 5);
            var doubleCount = a % 4 == 1;
            var count = EnterpriseCount / AgreementCount + (a < EnterpriseCount % AgreementCount ? 1 : 0);
            var parties = Pick(random, districts, kind == RuleKind.ThreeParties ? 3 : 2);
            result.Add(Build(a, kind, doubleCount, parties, Enumerable.Range(next, count).ToArray(), random, "A", 2025, 12));
            next += count;
        }

        return result;
    }

    /// <summary>The recovery subject: one agreement of 60 months × <see cref="LargestEnterprises"/> enterprises.</summary>
    public GeneratedAgreement Largest()
    {
        var random = new Random(Seed + 1);
        var districts = reference.Districts.Select(d => d.Code).ToArray();
        return Build(0, RuleKind.Baselines, true, [districts[3], districts[4]], Enumerable.Range(0, LargestEnterprises).ToArray(), random, "B", 2025, 60);
    }

    private static GeneratedAgreement Build(int index, RuleKind kind, bool doubleCount, string[] parties, int[] enterpriseNumbers, Random random, string series, int fromYear, int months)
    {
        var registered = parties[^1];
        var enterprises = new List<EnterpriseDocument?>();
        var codes = new List<string>();
        for (var k = 0; k < enterpriseNumbers.Length; k++)
        {
            var code = CreditCodeFor(enterpriseNumbers[k], registered, series[0]);
            codes.Add(code);
            Dictionary<string, BaselineDocument?>? baselines = null;
            CapDocument? cap = null;
            if (kind == RuleKind.Baselines || (kind == RuleKind.ThreeParties && k % 2 == 0))
            {
                // About half a year of a typical enterprise: some years cross the base early, some late.
                baselines = new() { ["vat"] = Money(random, 1_000_000, 4_000_000), ["cit"] = Money(random, 500_000, 2_000_000) };
            }

            if (kind == RuleKind.Caps || (kind == RuleKind.Tiers && k % 3 == 0))
            {
                cap = new CapDocument(["vat", "cit"], Money(random, 300_000, 1_500_000));
            }

            enterprises.Add(new EnterpriseDocument(code, $"基准企业{series}{enterpriseNumbers[k]:D5}有限公司", registered, baselines, cap));
        }

        var from = $"{fromYear:D4}-01";
        // Every agreement runs five years (the most allowed); the city-year reports its first.
        var end = new DateOnly(fromYear, 1, 1).AddMonths(Math.Max(months, 60) - 1);
        var to = $"{end.Year:D4}-{end.Month:D2}";
        var ratios = Ratios(parties, random);
        var schedule = new List<RatioStepDocument?> { new(from, ratios) };
        if (kind == RuleKind.Tiers)
        {
            schedule.Add(new RatioStepDocument($"{fromYear:D4}-07", Ratios(parties, random)));
        }

        var terms = new List<TermDocument?> { new(TaxIndicators, "split", schedule) };
        if (doubleCount)
        {
            terms.Add(new TermDocument(["industrial-output", "value-added"], "double-count", [new RatioStepDocument(from, ratios)]));
            terms.Add(new TermDocument(["operating-revenue"], "split", schedule));
        }
        else
        {
            terms.Add(new TermDocument(StatisticsIndicators, "split", schedule));
        }

        var document = new AgreementDocument(
            $"基准协议 {series}{index:D3} ({kind}{(doubleCount ? ", double-count" : "")})",
            index % 2 == 0 ? "hq-rnd+manufacturing" : "incubation+industrialisation",
            [.. parties.Select((d, i) => (PartyDocument?)new PartyDocument(d, i == 0 ? "origin" : "host"))],
            new EffectiveDocument(from, to),
            enterprises,
            terms);
        return new GeneratedAgreement(index, kind, doubleCount, document, codes);
    }

    /// <summary>Every report of the year: month by month, enterprise by enterprise, each indicator.</summary>
    public static IEnumerable<FigureReportDocument> Year(IReadOnlyList<GeneratedAgreement> agreements, string family, int year = 2025)
    {
        var random = new Random(Seed + (family == "tax" ? 2 : 3));
        var indicators = family == "tax" ? TaxIndicators : StatisticsIndicators;
        var enterprises = agreements.SelectMany(a => a.Enterprises).ToArray();
        for (var m = 1; m <= 12; m++)
        {
            foreach (var enterprise in enterprises)
            {
                foreach (var indicator in indicators)
                {
                    yield return Report(random, enterprise, indicator, year, m, 1);
                }
            }
        }
    }

    public static FigureReportDocument Report(Random random, string enterprise, string indicator, int year, int month, int revision)
    {
        var tax = TaxIndicators.Contains(indicator);
        // A refund now and then: negative amounts go through the same rules.
        var amount = tax
            ? (random.Next(50) == 0 ? "-" + Money(random, 1_000, 50_000) : Money(random, 10_000, 800_000))
            : Tenth(random, 100, 50_000);
        return new FigureReportDocument($"{(tax ? "tax" : "stat")}-{year}-{month:D2}-{enterprise}-{indicator}-r{revision}", enterprise, indicator, $"{year:D4}-{month:D2}", amount, revision);
    }

    private static string[] Pick(Random random, string[] districts, int count)
    {
        var chosen = new List<string>();
        while (chosen.Count < count)
        {
            var d = districts[random.Next(districts.Length)];
            if (!chosen.Contains(d))
            {
                chosen.Add(d);
            }
        }

        return [.. chosen];
    }

    private static Dictionary<string, string?> Ratios(string[] parties, Random random)
    {
        if (parties.Length == 3)
        {
            return random.Next(2) == 0
                ? new() { [parties[0]] = "33.33", [parties[1]] = "33.33", [parties[2]] = "33.34" }
                : new() { [parties[0]] = "40", [parties[1]] = "30", [parties[2]] = "30" };
        }

        var origin = 20 + (5 * random.Next(13));
        return new() { [parties[0]] = origin.ToString(CultureInfo.InvariantCulture), [parties[1]] = (100 - origin).ToString(CultureInfo.InvariantCulture) };
    }

    private static string Money(Random random, int min, int max) =>
        (random.NextInt64(min * 100L, max * 100L) / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Tenth(Random random, int min, int max) =>
        (random.NextInt64(min * 10L, max * 10L) / 10m).ToString("0.0", CultureInfo.InvariantCulture);
}
