using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using NodaTime;
using RevenueShare.Domain.History;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;

namespace RevenueShare.Domain.Documents;

/// <summary>
/// The boundary between an agreement as it arrives (docs/interfaces.md, Payload shapes) and
/// <see cref="AgreementTerms"/>: every rule of docs/agreements.md is checked here, and every problem is
/// reported at its JSON path, so a proposer can fix a draft in one round trip.
/// </summary>
public static class AgreementDocumentReader
{
    public const int MaxTitleLength = 200;
    public const int MaxNameLength = 200;

    /// <summary>The policy's five-year validity (docs/agreements.md, Fields).</summary>
    public const int MaxEffectiveMonths = 60;

    private const string Origin = "origin";
    private const string Host = "host";

    /// <summary>
    /// Validates a whole agreement document and builds the terms. Reports every problem found, each at
    /// its JSON path (<c>$.parties[1].district</c>, <c>$.terms[0].schedule[1].ratios.440106</c>).
    /// </summary>
    public static bool TryRead(
        AgreementDocument? document,
        ReferenceData reference,
        [NotNullWhen(true)] out AgreementTerms? terms,
        out IReadOnlyList<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(reference);
        terms = null;
        var found = new List<ValidationProblem>();
        problems = found;
        if (document is null)
        {
            found.Add(new(JsonPath.Root, "The agreement document is required."));
            return false;
        }

        var title = DocumentChecks.Text(document.Title, "$.title", MaxTitleLength, found);
        var model = ReadModel(document.Model, "$.model", found);
        var parties = ReadParties(document.Parties, "$.parties", reference, found);
        var partyDistricts = parties?.Select(p => p.District).ToList();
        var effective = ReadEffective(document.Effective, "$.effective", found);

        // Baselines and caps need a term over their indicators; the terms come later in the document
        // but problems are reported in document order, so the covered indicators are gathered first.
        var covered = CoveredIndicators(document.Terms, reference);
        var enterprises = ReadEnterprises(document.Enterprises, "$.enterprises", partyDistricts, covered, reference, found);
        var sharing = SharingTermsReader.Read(
            document.Terms, "$.terms", partyDistricts, effective, effective?.From, "effective.from", reference, found);

        if (found.Count > 0 || title is null || model is null || parties is null || effective is null || enterprises is null || sharing is null)
        {
            return false;
        }

        terms = new AgreementTerms(title, model.Value, parties.Value, effective, enterprises.Value, sharing.Value);
        problems = [];
        return true;
    }

    /// <summary>
    /// Validates the terms of an amendment to <paramref name="agreement"/> in force from
    /// <paramref name="from"/>: the term rules of a new agreement, except that the first step starts at
    /// <paramref name="from"/>, which must lie within the effective period. Paths start at
    /// <paramref name="pathPrefix"/>; a problem with <paramref name="from"/> itself is reported at the
    /// sibling <c>from</c> member (<c>$.terms</c> → <c>$.from</c>).
    /// </summary>
    public static bool TryReadAmendment(
        IReadOnlyList<TermDocument?>? terms,
        string pathPrefix,
        YearMonth from,
        AgreementTerms agreement,
        ReferenceData reference,
        out ImmutableArray<SharingTerm> result,
        out IReadOnlyList<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(pathPrefix);
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(reference);
        result = [];
        var found = new List<ValidationProblem>();
        problems = found;

        var period = agreement.Effective;
        if (!period.Contains(from))
        {
            found.Add(new(
                JsonPath.Sibling(pathPrefix, "from"),
                $"An amendment from {Months.Format(from)} lies outside the effective period {Months.Format(period.From)} to {Months.Format(period.To)}."));
        }

        var parties = agreement.Parties.Select(p => p.District).ToList();
        var sharing = SharingTermsReader.Read(terms, pathPrefix, parties, period, from, "the amendment's from", reference, found);
        if (found.Count > 0 || sharing is null)
        {
            return false;
        }

        result = sharing.Value;
        problems = [];
        return true;
    }

    private static AgreementModel? ReadModel(string? text, string path, List<ValidationProblem> problems)
    {
        switch (text)
        {
            case "hq-rnd+manufacturing":
                return AgreementModel.HqRndManufacturing;
            case "incubation+industrialisation":
                return AgreementModel.IncubationIndustrialisation;
            case null or "":
                problems.Add(DocumentChecks.Required(path));
                return null;
            default:
                problems.Add(new(path, $"'{text}' is not a model; expected \"hq-rnd+manufacturing\" or \"incubation+industrialisation\"."));
                return null;
        }
    }

    private static ImmutableArray<Party>? ReadParties(
        IReadOnlyList<PartyDocument?>? parties,
        string path,
        ReferenceData reference,
        List<ValidationProblem> problems)
    {
        if (parties is null)
        {
            problems.Add(DocumentChecks.Required(path));
            return null;
        }

        var before = problems.Count;
        if (parties.Count < 2)
        {
            problems.Add(new(path, $"At least two parties are required; got {parties.Count}."));
        }

        var built = ImmutableArray.CreateBuilder<Party>(parties.Count);
        for (var i = 0; i < parties.Count; i++)
        {
            var partyPath = JsonPath.Index(path, i);
            var party = parties[i];
            if (party is null)
            {
                problems.Add(DocumentChecks.Required(partyPath));
                continue;
            }

            var district = ReadPartyDistrict(party.District, JsonPath.Member(partyPath, "district"), built, reference, problems);
            var role = ReadRole(party.Role, JsonPath.Member(partyPath, "role"), problems);
            if (district is not null && role is not null)
            {
                built.Add(new Party(district.Value, role.Value));
            }
        }

        // Without an origin and a host there is nothing to link: the policy pairs the two
        // (docs/agreements.md, Background). Judged only when every party was read, so that one bad entry
        // is not reported twice.
        if (parties.Count >= 2 && built.Count == parties.Count)
        {
            if (!built.Any(p => p.Role == PartyRole.Origin))
            {
                problems.Add(new(path, "At least one party must have the role \"origin\"."));
            }

            if (!built.Any(p => p.Role == PartyRole.Host))
            {
                problems.Add(new(path, "At least one party must have the role \"host\"."));
            }
        }

        return problems.Count == before ? built.ToImmutable() : null;
    }

    private static DistrictCode? ReadPartyDistrict(
        string? district,
        string path,
        ImmutableArray<Party>.Builder earlier,
        ReferenceData reference,
        List<ValidationProblem> problems)
    {
        if (DocumentChecks.KnownDistrict(district, path, reference, problems) is not { } code)
        {
            return null;
        }

        if (earlier.Any(p => p.District == code))
        {
            problems.Add(new(path, $"District {code} is listed twice; parties must be distinct districts."));
            return null;
        }

        return code;
    }

    private static PartyRole? ReadRole(string? text, string path, List<ValidationProblem> problems)
    {
        switch (text)
        {
            case Origin:
                return PartyRole.Origin;
            case Host:
                return PartyRole.Host;
            case null or "":
                problems.Add(DocumentChecks.Required(path));
                return null;
            default:
                problems.Add(new(path, $"'{text}' is not a role; expected \"{Origin}\" or \"{Host}\"."));
                return null;
        }
    }

    private static EffectivePeriod? ReadEffective(EffectiveDocument? effective, string path, List<ValidationProblem> problems)
    {
        if (effective is null)
        {
            problems.Add(DocumentChecks.Required(path));
            return null;
        }

        var toPath = JsonPath.Member(path, "to");
        var from = DocumentChecks.Month(effective.From, JsonPath.Member(path, "from"), problems);
        var to = DocumentChecks.Month(effective.To, toPath, problems);
        if (from is not { } start || to is not { } end)
        {
            return null;
        }

        if (end < start)
        {
            problems.Add(new(toPath, $"The effective period ends ({Months.Format(end)}) before it starts ({Months.Format(start)})."));
            return null;
        }

        var months = Months.CountInclusive(start, end);
        if (months > MaxEffectiveMonths)
        {
            problems.Add(new(toPath, $"The effective period {Months.Format(start)} to {Months.Format(end)} spans {months} months; at most {MaxEffectiveMonths} are allowed."));
            return null;
        }

        return new EffectivePeriod(start, end);
    }

    private static HashSet<string> CoveredIndicators(IReadOnlyList<TermDocument?>? terms, ReferenceData reference) =>
        (terms ?? [])
            .SelectMany(t => t?.Indicators ?? [])
            .OfType<string>()
            .Where(code => reference.TryGetIndicator(code, out _))
            .ToHashSet(StringComparer.Ordinal);

    private static ImmutableArray<CoveredEnterprise>? ReadEnterprises(
        IReadOnlyList<EnterpriseDocument?>? enterprises,
        string path,
        IReadOnlyList<DistrictCode>? parties,
        HashSet<string> covered,
        ReferenceData reference,
        List<ValidationProblem> problems)
    {
        if (enterprises is null)
        {
            problems.Add(DocumentChecks.Required(path));
            return null;
        }

        if (enterprises.Count == 0)
        {
            problems.Add(new(path, "At least one enterprise is required."));
            return null;
        }

        var before = problems.Count;
        var built = ImmutableArray.CreateBuilder<CoveredEnterprise>(enterprises.Count);
        var seen = new Dictionary<CreditCode, string>();
        for (var i = 0; i < enterprises.Count; i++)
        {
            var enterprisePath = JsonPath.Index(path, i);
            var enterprise = ReadEnterprise(enterprises[i], enterprisePath, seen, parties, covered, reference, problems);
            if (enterprise is not null)
            {
                built.Add(enterprise);
            }
        }

        return problems.Count == before ? built.MoveToImmutable() : null;
    }

    private static CoveredEnterprise? ReadEnterprise(
        EnterpriseDocument? enterprise,
        string path,
        Dictionary<CreditCode, string> seen,
        IReadOnlyList<DistrictCode>? parties,
        HashSet<string> covered,
        ReferenceData reference,
        List<ValidationProblem> problems)
    {
        if (enterprise is null)
        {
            problems.Add(DocumentChecks.Required(path));
            return null;
        }

        var before = problems.Count;
        var idPath = JsonPath.Member(path, "id");
        var id = DocumentChecks.Code(enterprise.Id, idPath, problems);
        if (id is { } code && !seen.TryAdd(code, path))
        {
            problems.Add(new(idPath, $"Enterprise {code} is already listed at {seen[code]}; enterprise ids must be distinct."));
        }

        var name = DocumentChecks.Text(enterprise.Name, JsonPath.Member(path, "name"), MaxNameLength, problems);
        var registered = ReadRegisteredDistrict(enterprise.RegisteredDistrict, JsonPath.Member(path, "registeredDistrict"), parties, reference, problems);
        var derived = ImmutableDictionary.CreateBuilder<Indicator, Derivation>();
        var baselines = ReadBaselines(enterprise.Baselines, JsonPath.Member(path, "baselines"), covered, reference, derived, problems);
        var cap = enterprise.Cap is null ? null : ReadCap(enterprise.Cap, JsonPath.Member(path, "cap"), covered, reference, problems);
        if (problems.Count != before || id is null || name is null || registered is null || baselines is null)
        {
            return null;
        }

        return new CoveredEnterprise(id.Value, name, registered.Value, baselines, cap) { DerivedBaselines = derived.ToImmutable() };
    }

    private static DistrictCode? ReadRegisteredDistrict(
        string? district,
        string path,
        IReadOnlyList<DistrictCode>? parties,
        ReferenceData reference,
        List<ValidationProblem> problems)
    {
        if (DocumentChecks.KnownDistrict(district, path, reference, problems) is not { } code)
        {
            return null;
        }

        // Figures are filed where the enterprise is registered; that district must have a share to give.
        if (parties is not null && !parties.Contains(code))
        {
            problems.Add(new(path, $"District {code} is not a party; the registered district must be one of {string.Join(", ", parties)}."));
            return null;
        }

        return code;
    }

    /// <summary>The agreed baselines; a derived one goes into <paramref name="derived"/> instead, its amount known only once certified.</summary>
    private static ImmutableDictionary<Indicator, decimal>? ReadBaselines(
        IReadOnlyDictionary<string, BaselineDocument?>? baselines,
        string path,
        HashSet<string> covered,
        ReferenceData reference,
        ImmutableDictionary<Indicator, Derivation>.Builder derived,
        List<ValidationProblem> problems)
    {
        var built = ImmutableDictionary.CreateBuilder<Indicator, decimal>();
        if (baselines is null)
        {
            return built.ToImmutable();
        }

        var before = problems.Count;
        foreach (var (code, baseline) in baselines)
        {
            var keyPath = JsonPath.Member(path, code);
            var indicator = CoveredIndicator(code, keyPath, covered, "A baseline", reference, problems);
            if (indicator is null)
            {
                continue;
            }

            if (baseline?.Derive is { } derive)
            {
                if (ReadDerive(derive, JsonPath.Member(keyPath, "derive"), problems) is { } derivation)
                {
                    derived[indicator] = derivation;
                }
            }
            else if (DocumentChecks.Amount(baseline?.Amount, indicator.Scale, nonNegative: true, keyPath, problems) is { } amount)
            {
                built[indicator] = Amounts.Round(amount, indicator.Scale);
            }
        }

        return problems.Count == before ? built.ToImmutable() : null;
    }

    private static EnterpriseCap? ReadCap(
        CapDocument cap,
        string path,
        HashSet<string> covered,
        ReferenceData reference,
        List<ValidationProblem> problems)
    {
        var before = problems.Count;
        var indicatorsPath = JsonPath.Member(path, "indicators");
        var indicators = new List<Indicator>();
        if (cap.Indicators is null)
        {
            problems.Add(DocumentChecks.Required(indicatorsPath));
        }
        else if (cap.Indicators.Count == 0)
        {
            problems.Add(new(indicatorsPath, "A cap must list at least one indicator."));
        }
        else
        {
            for (var i = 0; i < cap.Indicators.Count; i++)
            {
                var itemPath = JsonPath.Index(indicatorsPath, i);
                var code = cap.Indicators[i];
                if (string.IsNullOrEmpty(code))
                {
                    problems.Add(DocumentChecks.Required(itemPath));
                }
                else if (CoveredIndicator(code, itemPath, covered, "A cap", reference, problems) is { } indicator)
                {
                    if (indicators.Contains(indicator))
                    {
                        problems.Add(new(itemPath, $"Indicator '{code}' is listed twice in this cap."));
                    }
                    else
                    {
                        indicators.Add(indicator);
                    }
                }
            }

            // A cap is a sum over its indicators: yuan of tax and 10k yuan of output do not add up.
            var families = indicators.Select(i => i.Family).Distinct().ToList();
            if (families.Count > 1)
            {
                var listed = families.Select(f => $"{f.ToString().ToLowerInvariant()} ({string.Join(", ", indicators.Where(i => i.Family == f).Select(i => i.Code))})");
                problems.Add(new(indicatorsPath, $"A cap sums indicators of one family; this one mixes {string.Join(" and ", listed)}."));
            }
        }

        if (cap.Derive is { } derive)
        {
            if (cap.Amount is not null)
            {
                problems.Add(new(JsonPath.Member(path, "amount"), "A cap has an agreed amount or derives one from history, not both: remove amount or derive."));
            }

            var derivation = ReadDerive(derive, JsonPath.Member(path, "derive"), problems);
            return problems.Count != before || derivation is null ? null : new EnterpriseCap([.. indicators], 0m, derivation);
        }

        // The finest scale among its indicators: a cap must be expressible in the unit of any of them.
        var scale = (indicators.Count > 0 ? indicators : reference.Indicators).Select(i => i.Scale).DefaultIfEmpty(0).Max();
        var amount = DocumentChecks.Amount(cap.Amount, scale, nonNegative: true, JsonPath.Member(path, "amount"), problems);
        if (problems.Count != before || amount is null)
        {
            return null;
        }

        return new EnterpriseCap([.. indicators], Amounts.Round(amount.Value, scale));
    }

    /// <summary><c>{"years": N}</c>, 1 ≤ N ≤ 3: the years of history before the effective year an amount derives from.</summary>
    private static Derivation? ReadDerive(DeriveDocument derive, string path, List<ValidationProblem> problems)
    {
        var yearsPath = JsonPath.Member(path, "years");
        if (derive.Years is not { } years)
        {
            problems.Add(DocumentChecks.Required(yearsPath));
            return null;
        }

        if (years is < 1 or > DerivationWindow.MaxYears)
        {
            problems.Add(new(yearsPath, $"An amount derives from 1 to {DerivationWindow.MaxYears} years of history before the agreement takes effect; got {years}."));
            return null;
        }

        return new Derivation(years, Certified: false);
    }

    private static Indicator? CoveredIndicator(
        string code,
        string path,
        HashSet<string> covered,
        string what,
        ReferenceData reference,
        List<ValidationProblem> problems)
    {
        if (!reference.TryGetIndicator(code, out var indicator))
        {
            problems.Add(DocumentChecks.UnknownIndicator(code, path, reference));
            return null;
        }

        if (!covered.Contains(code))
        {
            problems.Add(new(path, $"{what} over '{code}' needs a term of the agreement that covers '{code}'; none does."));
            return null;
        }

        return indicator;
    }
}
