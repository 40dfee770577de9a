using RevenueShare.Domain.Documents;

namespace RevenueShare.Domain.Tests.Support;

/// <summary>
/// A valid two-party agreement (the example of docs/interfaces.md, Payload shapes, with a baseline) and
/// small edits of it: each test changes one thing with <c>with</c> and says what it expects.
/// </summary>
internal static class AgreementDocuments
{
    public static readonly string Tianhe = Agreements.O.Value;
    public static readonly string Huangpu = Agreements.H.Value;

    public static AgreementDocument Valid() => new(
        Title: "天河总部研发 + 黄埔制造基地",
        Model: "hq-rnd+manufacturing",
        Parties: [new PartyDocument(Tianhe, "origin"), new PartyDocument(Huangpu, "host")],
        Effective: new EffectiveDocument("2026-01", "2030-12"),
        Enterprises: [Enterprise()],
        Terms: [TaxTerm(), OutputTerm()]);

    public static EnterpriseDocument Enterprise() => new(
        Id: Codes.First,
        Name: "示例智造有限公司",
        RegisteredDistrict: Huangpu,
        Baselines: new Dictionary<string, BaselineDocument?> { ["cit"] = "1200000.00", ["industrial-output"] = "500.5" },
        Cap: new CapDocument(["vat", "cit"], "3600000.00"));

    public static TermDocument TaxTerm() => new(
        ["vat", "cit"],
        "split",
        [Step("2026-01", "50", "50"), Step("2029-01", "30", "70")]);

    /// <summary>vat and cit by the three-factor formula: 天河 the head office keeping 50 %, weights 35 / 35 / 30.</summary>
    public static TermDocument FormulaTerm() => new(
        ["vat", "cit"],
        "formula",
        null,
        Tianhe,
        "50",
        new FactorsDocument("35", "35", "30"));

    public static TermDocument OutputTerm() => new(
        ["industrial-output"],
        "split",
        [Step("2026-01", "40", "60")]);

    public static RatioStepDocument Step(string from, string? tianhe, string? huangpu) =>
        new(from, new Dictionary<string, string?> { [Tianhe] = tianhe, [Huangpu] = huangpu });

    public static RatioStepDocument Step(string from, params (string District, string? Percent)[] ratios) =>
        new(from, ratios.ToDictionary(r => r.District, r => r.Percent));

    /// <summary>The valid document with the first enterprise replaced.</summary>
    public static AgreementDocument WithEnterprise(Func<EnterpriseDocument, EnterpriseDocument> change)
    {
        var valid = Valid();
        return valid with { Enterprises = [change(Enterprise())] };
    }

    /// <summary>The valid document with the first term replaced.</summary>
    public static AgreementDocument WithTaxTerm(TermDocument term) => Valid() with { Terms = [term, OutputTerm()] };

    /// <summary>The valid document whose tax term has one schedule step replaced.</summary>
    public static AgreementDocument WithTaxStep(int index, RatioStepDocument? step)
    {
        var schedule = TaxTerm().Schedule!.ToList();
        schedule[index] = step;
        return WithTaxTerm(TaxTerm() with { Schedule = schedule });
    }
}
