using NodaTime;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Terms;
using RevenueShare.Domain.Tests.Support;
using static RevenueShare.Domain.Tests.Support.AgreementDocuments;

namespace RevenueShare.Domain.Tests.Documents;

public sealed class AgreementDocumentReaderTests
{
    [Fact]
    public void A_valid_two_party_document_builds_the_terms()
    {
        Assert.True(AgreementDocumentReader.TryRead(Valid(), Catalogue.Guangzhou, out var terms, out var problems), string.Join("; ", problems));

        Assert.Empty(problems);
        Assert.Equal("天河总部研发 + 黄埔制造基地", terms.Title);
        Assert.Equal(AgreementModel.HqRndManufacturing, terms.Model);
        Assert.Equal<Party>([new Party(DistrictCode.Parse(Tianhe), PartyRole.Origin), new Party(DistrictCode.Parse(Huangpu), PartyRole.Host)], terms.Parties);
        Assert.Equal(new EffectivePeriod(new YearMonth(2026, 1), new YearMonth(2030, 12)), terms.Effective);

        var enterprise = Assert.Single(terms.Enterprises);
        Assert.Equal(CreditCode.Parse(Codes.First), enterprise.Id);
        Assert.Equal("示例智造有限公司", enterprise.Name);
        Assert.Equal(Huangpu, enterprise.RegisteredDistrict.Value);
        Assert.Equal(1_200_000m, enterprise.Baselines[Catalogue.Indicator("cit")]);
        Assert.Equal(500.5m, enterprise.Baselines[Catalogue.Indicator("industrial-output")]);
        Assert.NotNull(enterprise.Cap);
        Assert.Equal<string>(["vat", "cit"], enterprise.Cap.Indicators.Select(i => i.Code));
        Assert.Equal(3_600_000m, enterprise.Cap.Amount);

        Assert.Equal(2, terms.Terms.Length);
        var tax = terms.Terms[0];
        Assert.Equal<string>(["vat", "cit"], tax.Indicators.Select(i => i.Code));
        Assert.Equal(AllocationMode.Split, tax.Mode);
        Assert.Equal([new YearMonth(2026, 1), new YearMonth(2029, 1)], tax.Schedule.Select(s => s.From));
        Assert.Equal(50m, tax.Schedule[0].Ratios[DistrictCode.Parse(Tianhe)]);
        Assert.Equal(30m, tax.Schedule[1].Ratios[DistrictCode.Parse(Tianhe)]);
        Assert.Equal(70m, tax.Schedule[1].Ratios[DistrictCode.Parse(Huangpu)]);
        Assert.Equal<string>(["industrial-output"], terms.Terms[1].Indicators.Select(i => i.Code));
        Assert.Equal(60m, terms.Terms[1].Schedule[0].Ratios[DistrictCode.Parse(Huangpu)]);
    }

    [Fact]
    public void A_cap_and_a_baseline_derived_from_history_are_read_uncertified_and_without_an_amount()
    {
        var document = WithEnterprise(e => e with
        {
            Baselines = new Dictionary<string, BaselineDocument?> { ["cit"] = new BaselineDocument(null, new DeriveDocument(2)), ["industrial-output"] = "500.5" },
            Cap = new CapDocument(["vat", "cit"], null, new DeriveDocument(3)),
        });

        Assert.True(AgreementDocumentReader.TryRead(document, Catalogue.Guangzhou, out var terms, out var problems), string.Join("; ", problems));

        var enterprise = Assert.Single(terms.Enterprises);
        Assert.Equal(new Derivation(3, Certified: false), enterprise.Cap!.Derived);
        Assert.Equal(0m, enterprise.Cap.Amount);
        Assert.Equal(new Derivation(2, Certified: false), enterprise.DerivedBaselines[Catalogue.Indicator("cit")]);
        Assert.False(enterprise.Baselines.ContainsKey(Catalogue.Indicator("cit")));
        Assert.Equal(500.5m, enterprise.Baselines[Catalogue.Indicator("industrial-output")]);
    }

    [Theory]
    [InlineData("""{"cit":"1200000.00"}""", "1200000.00", null)]
    [InlineData("""{"cit":{"derive":{"years":2}}}""", null, 2)]
    public void A_baseline_reads_as_an_amount_or_a_derivation(string json, string? amount, int? years)
    {
        var baselines = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, BaselineDocument?>>(json, DocumentJson.MakeStrict(new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)))!;

        Assert.Equal(new BaselineDocument(amount, years is null ? null : new DeriveDocument(years)), baselines["cit"]);
    }

    [Theory]
    [InlineData("""{"cit":{"derive":{"years":2},"amount":"1.00"}}""")]
    [InlineData("""{"cit":{"derive":{"years":2,"from":"2024-01"}}}""")]
    [InlineData("""{"cit":12000}""")]
    public void A_baseline_in_any_other_form_is_refused(string json)
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, BaselineDocument?>>(json, DocumentJson.MakeStrict(new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))));
    }

    [Fact]
    public void A_formula_term_reads_its_head_office_percent_and_weights_and_has_no_schedule()
    {
        var document = Valid() with { Terms = [FormulaTerm(), OutputTerm()] };

        Assert.True(AgreementDocumentReader.TryRead(document, Catalogue.Guangzhou, out var terms, out var problems), string.Join("; ", problems));
        var formula = terms.Terms[0];
        Assert.Equal(AllocationMode.Formula, formula.Mode);
        Assert.Empty(formula.Schedule);
        Assert.Equal(new FormulaShares(DistrictCode.Parse(Tianhe), 50m, new RevenueShare.Domain.Allocation.ApportionmentFactors(35m, 35m, 30m)), formula.Formula);
    }

    [Fact]
    public void The_other_model_double_count_and_the_default_mode_are_read()
    {
        var document = Valid() with
        {
            Model = "incubation+industrialisation",
            Terms = [TaxTerm() with { Mode = null }, OutputTerm() with { Indicators = ["industrial-output", "value-added"], Mode = "double-count" }],
        };

        Assert.True(AgreementDocumentReader.TryRead(document, Catalogue.Guangzhou, out var terms, out var problems), string.Join("; ", problems));
        Assert.Equal(AgreementModel.IncubationIndustrialisation, terms.Model);
        Assert.Equal(AllocationMode.Split, terms.Terms[0].Mode);
        Assert.Equal(AllocationMode.DoubleCount, terms.Terms[1].Mode);
    }

    [Fact]
    public void Percents_with_two_decimals_summing_to_100_are_accepted()
    {
        var document = WithTaxStep(1, Step("2029-01", "33.33", "66.67"));

        Assert.True(AgreementDocumentReader.TryRead(document, Catalogue.Guangzhou, out var terms, out var problems), string.Join("; ", problems));
        Assert.Equal(33.33m, terms.Terms[0].Schedule[1].Ratios[DistrictCode.Parse(Tianhe)]);
    }

    [Fact]
    public void Three_parties_keep_their_order()
    {
        var document = Valid() with
        {
            Parties = [new PartyDocument(Huangpu, "host"), new PartyDocument(Tianhe, "origin"), new PartyDocument("440104", "origin")],
            Terms =
            [
                new TermDocument(["vat"], null, [Step("2026-01", (Tianhe, "40"), (Huangpu, "40"), ("440104", "20"))]),
                new TermDocument(["cit", "industrial-output"], null, [Step("2026-01", (Tianhe, "0"), (Huangpu, "100"), ("440104", "0.00"))]),
            ],
        };

        Assert.True(AgreementDocumentReader.TryRead(document, Catalogue.Guangzhou, out var terms, out var problems), string.Join("; ", problems));
        Assert.Equal([Huangpu, Tianhe, "440104"], terms.Parties.Select(p => p.District.Value));
    }

    [Theory]
    [InlineData("title missing", "$.title", "is required")]
    [InlineData("title blank", "$.title", "is required")]
    [InlineData("title of 201 characters", "$.title", "at most 200")]
    [InlineData("model missing", "$.model", "is required")]
    [InlineData("model unknown", "$.model", "\"hq-rnd+manufacturing\" or \"incubation+industrialisation\"")]
    [InlineData("parties missing", "$.parties", "is required")]
    [InlineData("one party", "$.parties", "At least two parties")]
    [InlineData("party null", "$.parties[1]", "is required")]
    [InlineData("party district missing", "$.parties[1].district", "is required")]
    [InlineData("party district unknown", "$.parties[1].district", "Unknown district '440199'")]
    [InlineData("party district twice", "$.parties[1].district", "listed twice")]
    [InlineData("party role missing", "$.parties[1].role", "is required")]
    [InlineData("party role unknown", "$.parties[1].role", "\"origin\" or \"host\"")]
    [InlineData("no host", "$.parties", "\"host\"")]
    [InlineData("no origin", "$.parties", "\"origin\"")]
    [InlineData("effective missing", "$.effective", "is required")]
    [InlineData("effective from month 13", "$.effective.from", "month from 01 to 12")]
    [InlineData("effective from not a month", "$.effective.from", "expected YYYY-MM")]
    [InlineData("effective to missing", "$.effective.to", "is required")]
    [InlineData("effective ends before it starts", "$.effective.to", "before it starts")]
    [InlineData("effective 61 months", "$.effective.to", "spans 61 months; at most 60")]
    [InlineData("enterprises missing", "$.enterprises", "is required")]
    [InlineData("enterprises empty", "$.enterprises", "At least one enterprise")]
    [InlineData("enterprise null", "$.enterprises[0]", "is required")]
    [InlineData("id missing", "$.enterprises[0].id", "is required")]
    [InlineData("id too short", "$.enterprises[0].id", "18 characters; got 17")]
    [InlineData("id with a letter not allowed", "$.enterprises[0].id", "Character 9 ('I') is not allowed")]
    [InlineData("id twice", "$.enterprises[1].id", "already listed at $.enterprises[0]")]
    [InlineData("name missing", "$.enterprises[0].name", "is required")]
    [InlineData("name blank", "$.enterprises[0].name", "is required")]
    [InlineData("registered district missing", "$.enterprises[0].registeredDistrict", "is required")]
    [InlineData("registered district not a party", "$.enterprises[0].registeredDistrict", "not a party")]
    [InlineData("registered district unknown", "$.enterprises[0].registeredDistrict", "Unknown district '440199'")]
    [InlineData("baseline unknown indicator", "$.enterprises[0].baselines.gdp", "Unknown indicator 'gdp'")]
    [InlineData("baseline not covered by a term", "$.enterprises[0].baselines.pit", "needs a term")]
    [InlineData("baseline with 3 decimals", "$.enterprises[0].baselines.cit", "3 digits after the decimal point; at most 2")]
    [InlineData("statistics baseline with 2 decimals", "$.enterprises[0].baselines.industrial-output", "2 digits after the decimal point; at most 1")]
    [InlineData("baseline negative", "$.enterprises[0].baselines.cit", "negative")]
    [InlineData("baseline missing", "$.enterprises[0].baselines.cit", "An amount is required")]
    [InlineData("baseline not a number", "$.enterprises[0].baselines.cit", "not a decimal amount")]
    [InlineData("cap indicators missing", "$.enterprises[0].cap.indicators", "is required")]
    [InlineData("cap indicators empty", "$.enterprises[0].cap.indicators", "at least one indicator")]
    [InlineData("cap indicator unknown", "$.enterprises[0].cap.indicators[1]", "Unknown indicator 'gst'")]
    [InlineData("cap indicator twice", "$.enterprises[0].cap.indicators[1]", "listed twice")]
    [InlineData("cap indicator not covered", "$.enterprises[0].cap.indicators[1]", "needs a term")]
    [InlineData("cap mixing families", "$.enterprises[0].cap.indicators", "mixes tax (vat) and statistics (industrial-output)")]
    [InlineData("cap amount with 3 decimals", "$.enterprises[0].cap.amount", "at most 2")]
    [InlineData("statistics cap amount with 2 decimals", "$.enterprises[0].cap.amount", "at most 1")]
    [InlineData("cap amount negative", "$.enterprises[0].cap.amount", "negative")]
    [InlineData("cap amount missing", "$.enterprises[0].cap.amount", "An amount is required")]
    [InlineData("cap with an amount and a derivation", "$.enterprises[0].cap.amount", "not both")]
    [InlineData("cap derived from 4 years", "$.enterprises[0].cap.derive.years", "1 to 3 years")]
    [InlineData("cap derived without years", "$.enterprises[0].cap.derive.years", "is required")]
    [InlineData("baseline derived from 0 years", "$.enterprises[0].baselines.cit.derive.years", "1 to 3 years")]
    [InlineData("terms missing", "$.terms", "is required")]
    [InlineData("terms empty", "$.terms", "At least one term")]
    [InlineData("term null", "$.terms[1]", "is required")]
    [InlineData("term indicators missing", "$.terms[0].indicators", "is required")]
    [InlineData("term indicators empty", "$.terms[0].indicators", "at least one indicator")]
    [InlineData("term indicator unknown", "$.terms[0].indicators[1]", "Unknown indicator 'gst'")]
    [InlineData("term indicator null", "$.terms[0].indicators[1]", "is required")]
    [InlineData("term indicator twice", "$.terms[0].indicators[1]", "listed twice")]
    [InlineData("terms overlapping", "$.terms[1].indicators[1]", "already covered by $.terms[0]")]
    [InlineData("mode unknown", "$.terms[0].mode", "\"split\", \"double-count\" or \"formula\"")]
    [InlineData("formula over statistics", "$.terms[1].mode", "formula applies to tax indicators only; not to industrial-output")]
    [InlineData("formula with a schedule", "$.terms[0].schedule", "has no schedule")]
    [InlineData("formula without hq", "$.terms[0].hq", "hq is required")]
    [InlineData("formula hq not a party", "$.terms[0].hq", "'440113' is not a party")]
    [InlineData("formula hqPercent over 100", "$.terms[0].hqPercent", "more than 100 percent")]
    [InlineData("formula hqPercent with 3 decimals", "$.terms[0].hqPercent", "decimal")]
    [InlineData("formula weights not summing to 100", "$.terms[0].weights", "The weights sum to 90; they must sum to exactly 100.")]
    [InlineData("formula weight missing", "$.terms[0].weights.assets", "assets is required")]
    [InlineData("formula weight negative", "$.terms[0].weights.payroll", "negative")]
    [InlineData("split with an hq", "$.terms[0].hq", "hq belongs to a term in \"formula\" mode only")]
    [InlineData("double-count over tax", "$.terms[0].mode", "statistics indicators only; not to vat, cit")]
    [InlineData("double-count over statistics and tax", "$.terms[1].mode", "not to pit")]
    [InlineData("schedule missing", "$.terms[0].schedule", "is required")]
    [InlineData("schedule empty", "$.terms[0].schedule", "at least one step")]
    [InlineData("step null", "$.terms[0].schedule[1]", "is required")]
    [InlineData("step from missing", "$.terms[0].schedule[1].from", "is required")]
    [InlineData("step from month 13", "$.terms[0].schedule[1].from", "month from 01 to 12")]
    [InlineData("first step after the start", "$.terms[0].schedule[0].from", "effective.from (2026-01); got 2026-02")]
    [InlineData("first step before the start", "$.terms[0].schedule[0].from", "effective.from (2026-01); got 2025-12")]
    [InlineData("steps not increasing", "$.terms[0].schedule[1].from", "strictly increasing")]
    [InlineData("step after the period", "$.terms[0].schedule[1].from", "outside the effective period 2026-01 to 2030-12")]
    [InlineData("ratios missing", "$.terms[0].schedule[0].ratios", "is required")]
    [InlineData("ratios summing to 99.99", "$.terms[0].schedule[0].ratios", "sum to 99.99; they must sum to exactly 100")]
    [InlineData("ratios summing to 100.01", "$.terms[0].schedule[1].ratios", "sum to 100.01")]
    [InlineData("percent with 3 decimals", "$.terms[0].schedule[0].ratios.440106", "3 digits after the decimal point; at most 2")]
    [InlineData("percent negative", "$.terms[0].schedule[0].ratios.440106", "negative")]
    [InlineData("percent over 100", "$.terms[0].schedule[0].ratios.440112", "more than 100")]
    [InlineData("percent not a number", "$.terms[0].schedule[0].ratios.440112", "not a decimal amount")]
    [InlineData("percent missing", "$.terms[0].schedule[0].ratios.440112", "An amount is required")]
    [InlineData("ratio for a party missing", "$.terms[0].schedule[0].ratios", "Party 440112 has no percent")]
    [InlineData("ratio for a district not a party", "$.terms[0].schedule[0].ratios.440113", "not a party")]
    [InlineData("ratio for an unknown district", "$.terms[0].schedule[0].ratios.440199", "Unknown district '440199'")]
    public void Each_rule_is_reported_at_its_path(string change, string path, string message)
    {
        var ok = AgreementDocumentReader.TryRead(Broken(change), Catalogue.Guangzhou, out var terms, out var problems);

        Assert.False(ok);
        Assert.Null(terms);
        var problem = Assert.Single(problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_check_character_is_reported_with_the_expected_one()
    {
        var document = WithEnterprise(e => e with { Id = Codes.WrongCheck(Codes.FirstBase) });

        Assert.False(AgreementDocumentReader.TryRead(document, Catalogue.Guangzhou, out _, out var problems));

        var problem = Assert.Single(problems);
        Assert.Equal("$.enterprises[0].id", problem.Path);
        Assert.Contains($"expected '{CreditCode.CheckCharacter(Codes.FirstBase)}'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_with_several_problems_reports_all_of_them_in_document_order()
    {
        var document = Valid() with
        {
            Title = null,
            Model = "joint",
            Effective = new EffectiveDocument("2026-13", "2030-12"),
            Enterprises = [Enterprise() with { Id = Codes.WrongCheck(Codes.FirstBase), RegisteredDistrict = "440113" }],
            Terms =
            [
                TaxTerm() with { Schedule = [Step("2026-01", "50", "49.99"), Step("2029-01", "30.001", "70")] },
                OutputTerm() with { Mode = "share" },
            ],
        };

        Assert.False(AgreementDocumentReader.TryRead(document, Catalogue.Guangzhou, out _, out var problems));

        Assert.Equal(
            [
                "$.title",
                "$.model",
                "$.effective.from",
                "$.enterprises[0].id",
                "$.enterprises[0].registeredDistrict",
                "$.terms[0].schedule[0].ratios",
                "$.terms[0].schedule[1].ratios.440106",
                "$.terms[1].mode",
            ],
            problems.Select(p => p.Path));
    }

    [Fact]
    public void A_missing_document_is_a_problem_at_the_root()
    {
        Assert.False(AgreementDocumentReader.TryRead(null, Catalogue.Guangzhou, out _, out var problems));

        Assert.Equal("$", Assert.Single(problems).Path);
    }

    [Fact]
    public void An_odd_ratio_key_is_reported_in_bracket_form()
    {
        var document = WithTaxStep(0, Step("2026-01", (Tianhe, "50"), (Huangpu, "50"), ("a.b", "0")));

        Assert.False(AgreementDocumentReader.TryRead(document, Catalogue.Guangzhou, out _, out var problems));

        Assert.Equal("$.terms[0].schedule[0].ratios['a.b']", Assert.Single(problems).Path);
    }

    private static AgreementDocument Broken(string change) => change switch
    {
        "title missing" => Valid() with { Title = null },
        "title blank" => Valid() with { Title = "  " },
        "title of 201 characters" => Valid() with { Title = new string('题', 201) },
        "model missing" => Valid() with { Model = null },
        "model unknown" => Valid() with { Model = "hq+manufacturing" },
        "parties missing" => Valid() with { Parties = null },
        "one party" => Valid() with { Parties = [new PartyDocument(Tianhe, "origin")] },
        "party null" => Valid() with { Parties = [new PartyDocument(Tianhe, "origin"), null] },
        "party district missing" => Valid() with { Parties = [new PartyDocument(Tianhe, "origin"), new PartyDocument(null, "host")] },
        "party district unknown" => Valid() with { Parties = [new PartyDocument(Tianhe, "origin"), new PartyDocument("440199", "host")] },
        "party district twice" => Valid() with { Parties = [new PartyDocument(Tianhe, "origin"), new PartyDocument(Tianhe, "host")] },
        "party role missing" => Valid() with { Parties = [new PartyDocument(Tianhe, "origin"), new PartyDocument(Huangpu, null)] },
        "party role unknown" => Valid() with { Parties = [new PartyDocument(Tianhe, "origin"), new PartyDocument(Huangpu, "guest")] },
        "no host" => Valid() with { Parties = [new PartyDocument(Tianhe, "origin"), new PartyDocument(Huangpu, "origin")] },
        "no origin" => Valid() with { Parties = [new PartyDocument(Tianhe, "host"), new PartyDocument(Huangpu, "host")] },
        "effective missing" => Valid() with { Effective = null },
        "effective from month 13" => Valid() with { Effective = new EffectiveDocument("2026-13", "2030-12") },
        "effective from not a month" => Valid() with { Effective = new EffectiveDocument("2026/01", "2030-12") },
        "effective to missing" => Valid() with { Effective = new EffectiveDocument("2026-01", null) },
        "effective ends before it starts" => Valid() with { Effective = new EffectiveDocument("2026-01", "2025-12") },
        "effective 61 months" => Valid() with { Effective = new EffectiveDocument("2026-01", "2031-01") },
        "enterprises missing" => Valid() with { Enterprises = null },
        "enterprises empty" => Valid() with { Enterprises = [] },
        "enterprise null" => Valid() with { Enterprises = [null] },
        "id missing" => WithEnterprise(e => e with { Id = null }),
        "id too short" => WithEnterprise(e => e with { Id = Codes.FirstBase }),
        "id with a letter not allowed" => WithEnterprise(e => e with { Id = "91440106I23456788X" }),
        "id twice" => Valid() with { Enterprises = [Enterprise(), Enterprise() with { Name = "另一家" }] },
        "name missing" => WithEnterprise(e => e with { Name = null }),
        "name blank" => WithEnterprise(e => e with { Name = " " }),
        "registered district missing" => WithEnterprise(e => e with { RegisteredDistrict = null }),
        "registered district not a party" => WithEnterprise(e => e with { RegisteredDistrict = "440113" }),
        "registered district unknown" => WithEnterprise(e => e with { RegisteredDistrict = "440199" }),
        "baseline unknown indicator" => WithEnterprise(e => e with { Baselines = new Dictionary<string, BaselineDocument?> { ["gdp"] = "1" } }),
        "baseline not covered by a term" => WithEnterprise(e => e with { Baselines = new Dictionary<string, BaselineDocument?> { ["pit"] = "1" } }),
        "baseline with 3 decimals" => WithEnterprise(e => e with { Baselines = new Dictionary<string, BaselineDocument?> { ["cit"] = "1.001" } }),
        "statistics baseline with 2 decimals" => WithEnterprise(e => e with { Baselines = new Dictionary<string, BaselineDocument?> { ["industrial-output"] = "1.25" } }),
        "baseline negative" => WithEnterprise(e => e with { Baselines = new Dictionary<string, BaselineDocument?> { ["cit"] = "-1.00" } }),
        "baseline missing" => WithEnterprise(e => e with { Baselines = new Dictionary<string, BaselineDocument?> { ["cit"] = null } }),
        "baseline not a number" => WithEnterprise(e => e with { Baselines = new Dictionary<string, BaselineDocument?> { ["cit"] = "1e6" } }),
        "cap indicators missing" => WithEnterprise(e => e with { Cap = new CapDocument(null, "1.00") }),
        "cap indicators empty" => WithEnterprise(e => e with { Cap = new CapDocument([], "1.00") }),
        "cap indicator unknown" => WithEnterprise(e => e with { Cap = new CapDocument(["vat", "gst"], "1.00") }),
        "cap indicator twice" => WithEnterprise(e => e with { Cap = new CapDocument(["vat", "vat"], "1.00") }),
        "cap indicator not covered" => WithEnterprise(e => e with { Cap = new CapDocument(["vat", "pit"], "1.00") }),
        "cap mixing families" => WithEnterprise(e => e with { Cap = new CapDocument(["vat", "industrial-output"], "1.0") }),
        "cap amount with 3 decimals" => WithEnterprise(e => e with { Cap = new CapDocument(["vat", "cit"], "1.001") }),
        "statistics cap amount with 2 decimals" => WithEnterprise(e => e with { Cap = new CapDocument(["industrial-output"], "1.01") }),
        "cap amount negative" => WithEnterprise(e => e with { Cap = new CapDocument(["vat", "cit"], "-1") }),
        "cap amount missing" => WithEnterprise(e => e with { Cap = new CapDocument(["vat", "cit"], null) }),
        "cap with an amount and a derivation" => WithEnterprise(e => e with { Cap = new CapDocument(["vat", "cit"], "1.00", new DeriveDocument(3)) }),
        "cap derived from 4 years" => WithEnterprise(e => e with { Cap = new CapDocument(["vat", "cit"], null, new DeriveDocument(4)) }),
        "cap derived without years" => WithEnterprise(e => e with { Cap = new CapDocument(["vat", "cit"], null, new DeriveDocument(null)) }),
        "baseline derived from 0 years" => WithEnterprise(e => e with { Baselines = new Dictionary<string, BaselineDocument?> { ["cit"] = new BaselineDocument(null, new DeriveDocument(0)) } }),
        "terms missing" => Valid() with { Terms = null, Enterprises = [Enterprise() with { Baselines = null, Cap = null }] },
        "terms empty" => Valid() with { Terms = [], Enterprises = [Enterprise() with { Baselines = null, Cap = null }] },
        "term null" => Valid() with { Terms = [TaxTerm(), null], Enterprises = [Enterprise() with { Baselines = null }] },
        "term indicators missing" => Valid() with { Terms = [TaxTerm() with { Indicators = null }, OutputTerm()], Enterprises = [Enterprise() with { Baselines = null, Cap = null }] },
        "term indicators empty" => Valid() with { Terms = [TaxTerm() with { Indicators = [] }, OutputTerm()], Enterprises = [Enterprise() with { Baselines = null, Cap = null }] },
        "term indicator unknown" => WithTaxTerm(TaxTerm() with { Indicators = ["vat", "gst", "cit"] }),
        "term indicator null" => WithTaxTerm(TaxTerm() with { Indicators = ["vat", null, "cit"] }),
        "term indicator twice" => WithTaxTerm(TaxTerm() with { Indicators = ["vat", "vat", "cit"] }),
        "terms overlapping" => Valid() with { Terms = [TaxTerm(), OutputTerm() with { Indicators = ["industrial-output", "vat"] }] },
        "mode unknown" => WithTaxTerm(TaxTerm() with { Mode = "share" }),
        "formula over statistics" => Valid() with { Terms = [TaxTerm(), FormulaTerm() with { Indicators = ["industrial-output"] }] },
        "formula with a schedule" => WithTaxTerm(FormulaTerm() with { Schedule = TaxTerm().Schedule }),
        "formula without hq" => WithTaxTerm(FormulaTerm() with { Hq = null }),
        "formula hq not a party" => WithTaxTerm(FormulaTerm() with { Hq = "440113" }),
        "formula hqPercent over 100" => WithTaxTerm(FormulaTerm() with { HqPercent = "100.01" }),
        "formula hqPercent with 3 decimals" => WithTaxTerm(FormulaTerm() with { HqPercent = "50.001" }),
        "formula weights not summing to 100" => WithTaxTerm(FormulaTerm() with { Weights = new FactorsDocument("35", "35", "20") }),
        "formula weight missing" => WithTaxTerm(FormulaTerm() with { Weights = new FactorsDocument("35", "35", null) }),
        "formula weight negative" => WithTaxTerm(FormulaTerm() with { Weights = new FactorsDocument("35", "-35", "100") }),
        "split with an hq" => WithTaxTerm(TaxTerm() with { Hq = Tianhe }),
        "double-count over tax" => WithTaxTerm(TaxTerm() with { Mode = "double-count" }),
        "double-count over statistics and tax" => Valid() with { Terms = [TaxTerm(), OutputTerm() with { Indicators = ["industrial-output", "pit"], Mode = "double-count" }] },
        "schedule missing" => WithTaxTerm(TaxTerm() with { Schedule = null }),
        "schedule empty" => WithTaxTerm(TaxTerm() with { Schedule = [] }),
        "step null" => WithTaxStep(1, null),
        "step from missing" => WithTaxStep(1, new RatioStepDocument(null, Step("2029-01", "30", "70").Ratios)),
        "step from month 13" => WithTaxStep(1, Step("2026-13", "30", "70")),
        "first step after the start" => WithTaxStep(0, Step("2026-02", "50", "50")),
        "first step before the start" => WithTaxStep(0, Step("2025-12", "50", "50")),
        "steps not increasing" => WithTaxStep(1, Step("2026-01", "30", "70")),
        "step after the period" => WithTaxStep(1, Step("2031-01", "30", "70")),
        "ratios missing" => WithTaxStep(0, new RatioStepDocument("2026-01", null)),
        "ratios summing to 99.99" => WithTaxStep(0, Step("2026-01", "50", "49.99")),
        "ratios summing to 100.01" => WithTaxStep(1, Step("2029-01", "30.01", "70")),
        "percent with 3 decimals" => WithTaxStep(0, Step("2026-01", "33.333", "66.67")),
        "percent negative" => WithTaxStep(0, Step("2026-01", "-10", "100")),
        "percent over 100" => WithTaxStep(0, Step("2026-01", "0", "100.01")),
        "percent not a number" => WithTaxStep(0, Step("2026-01", "50", "fifty")),
        "percent missing" => WithTaxStep(0, Step("2026-01", "100", null)),
        "ratio for a party missing" => WithTaxStep(0, Step("2026-01", (Tianhe, "100"))),
        "ratio for a district not a party" => WithTaxStep(0, Step("2026-01", (Tianhe, "50"), (Huangpu, "50"), ("440113", "0"))),
        "ratio for an unknown district" => WithTaxStep(0, Step("2026-01", (Tianhe, "50"), (Huangpu, "50"), ("440199", "0"))),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "No such change."),
    };
}
