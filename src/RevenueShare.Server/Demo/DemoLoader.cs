using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Documents;
using RevenueShare.Domain.Reference;
using RevenueShare.Ledger;
using RevenueShare.Ledger.Reads;
using RevenueShare.Server.Api.Wire;
using RevenueShare.Server.Services;

namespace RevenueShare.Server.Demo;

/// <summary>
/// <c>serve --demo</c>: into an empty store, brings every example agreement of contracts/ through its
/// whole lifecycle the way the offices would (the first party proposes and submits, the others
/// countersign, the offices report and certify the history its derived caps need, finance approves),
/// reports the apportionment factors its formula terms need as the tax office, and books the year of
/// sample figures as the tax office and the statistics bureau. A store that already holds agreements is
/// left as it is.
/// </summary>
/// <remarks>
/// The files are read with the very options the API binds request bodies with, so an example the API
/// would refuse (an unknown or duplicate member) stops the demo instead of loading.
/// </remarks>
public sealed class DemoLoader(LedgerGateway ledger, FigureService figures, ReadModel reads, ReferenceData reference, IOptions<JsonOptions> json)
{
    private JsonSerializerOptions Json => json.Value.SerializerOptions;

    /// <summary>Loads the demo; returns the number of agreements and reports booked (0, 0 when the store was not empty).</summary>
    public async Task<(int Agreements, int Reports)> LoadAsync(string contractsDirectory, CancellationToken cancellationToken)
    {
        await using (var snapshot = await reads.SnapshotAsync(cancellationToken))
        {
            if ((await snapshot.AgreementsAsync(null, cancellationToken)).Count > 0)
            {
                return (0, 0);
            }
        }

        var examples = Directory.GetFiles(Path.Combine(contractsDirectory, "examples", "agreements"), "*.json").Order(StringComparer.Ordinal).ToArray();
        var history = await ReadHistoryAsync(contractsDirectory, cancellationToken);
        var covering = new Dictionary<CreditCode, AgreementId>();
        foreach (var file in examples)
        {
            var agreement = await LoadAgreementAsync(file, history, cancellationToken);
            foreach (var enterprise in agreement.Terms.Enterprises)
            {
                covering[enterprise.Id] = agreement.Id;
            }
        }

        foreach (var file in Directory.GetFiles(Path.Combine(contractsDirectory, "examples", "factors"), "*.json").Order(StringComparer.Ordinal))
        {
            await LoadFactorsAsync(file, covering, cancellationToken);
        }

        var reports = 0;
        foreach (var (name, office) in new[] { ("tax-2025.json", Principal.Tax), ("statistics-2025.json", Principal.Statistics), ("relocation-2025.json", Principal.Tax), ("formula-2025.json", Principal.Tax) })
        {
            var batch = JsonSerializer.Deserialize<FigureBatchRequest>(
                await File.ReadAllTextAsync(Path.Combine(contractsDirectory, "examples", "figures", name), cancellationToken), Json)!;
            var outcome = await figures.ReportAsync(office, batch.Reports, cancellationToken);
            var refused = outcome.IsRefused(out var refusal) ? refusal.Detail : outcome.Value.FirstOrDefault(r => r.Refusal is not null)?.Refusal!.Detail;
            if (refused is not null)
            {
                throw new InvalidOperationException($"A demo figure of {name} was rejected: {refused}");
            }

            reports += outcome.Value.Count;
        }

        return (examples.Length, reports);
    }

    /// <summary>Each factor report of the file, to the agreement that covers its enterprise.</summary>
    private async Task LoadFactorsAsync(string file, Dictionary<CreditCode, AgreementId> covering, CancellationToken cancellationToken)
    {
        var batch = JsonSerializer.Deserialize<DemoFactorReports>(await File.ReadAllTextAsync(file, cancellationToken), Json)!;
        foreach (var document in batch.Reports)
        {
            if (!FactorReportReader.TryRead(document, reference, out var report, out var problems))
            {
                throw new InvalidOperationException($"{Path.GetFileName(file)}: {string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}"))}");
            }

            if (!covering.TryGetValue(report.Enterprise, out var id))
            {
                throw new InvalidOperationException($"{Path.GetFileName(file)}: no example agreement covers {report.Enterprise}.");
            }

            Check(await ledger.SendAsync(new ReportFactors(id, Principal.Tax, report), cancellationToken), file);
        }
    }

    /// <summary>The history reports of contracts/examples/history, by the enterprise they are of.</summary>
    private async Task<ILookup<string?, FigureReportDocument?>> ReadHistoryAsync(string contractsDirectory, CancellationToken cancellationToken)
    {
        var reports = new List<FigureReportDocument?>();
        foreach (var file in Directory.GetFiles(Path.Combine(contractsDirectory, "examples", "history"), "*.json").Order(StringComparer.Ordinal))
        {
            reports.AddRange(JsonSerializer.Deserialize<FigureBatchRequest>(await File.ReadAllTextAsync(file, cancellationToken), Json)!.Reports ?? []);
        }

        return reports.ToLookup(r => r?.Enterprise);
    }

    /// <summary>
    /// Awaiting approval, an agreement whose amounts derive from history gets it and its certification,
    /// as the offices would give them: each history report goes to this agreement (the example files name
    /// the id the demo gives it on a clock of 2026), and each office certifies the history of its family.
    /// </summary>
    private async Task CertifyHistoryAsync(AgreementState agreement, ILookup<string?, FigureReportDocument?> history, string file, CancellationToken cancellationToken)
    {
        foreach (var enterprise in agreement.Terms.Enterprises)
        {
            var needed = enterprise.DerivedAmounts(agreement.Terms.Effective.From);
            if (needed.Count == 0)
            {
                continue;
            }

            var reports = history[enterprise.Id.Value].Select(r => r! with { Agreement = agreement.Id.Value }).ToList();
            foreach (var family in needed.SelectMany(a => a.Indicators).Select(i => i.Family).Distinct())
            {
                var office = Principal.ReporterOf(family);
                var batch = reports.Where(r => reference.TryGetIndicator(r.Indicator!, out var indicator) && indicator.Family == family).ToList();
                var outcome = await figures.ReportAsync(office, batch, cancellationToken);
                var refused = outcome.IsRefused(out var refusal) ? refusal.Detail : outcome.Value.FirstOrDefault(r => r.Refusal is not null)?.Refusal!.Detail;
                if (refused is not null)
                {
                    throw new InvalidOperationException($"{Path.GetFileName(file)}: a history report was rejected: {refused}");
                }

                Check(await ledger.SendAsync(new CertifyHistory(agreement.Id, office, enterprise.Id, []), cancellationToken), file);
            }
        }
    }

    private async Task<AgreementState> LoadAgreementAsync(string file, ILookup<string?, FigureReportDocument?> history, CancellationToken cancellationToken)
    {
        var document = JsonSerializer.Deserialize<AgreementDocument>(await File.ReadAllTextAsync(file, cancellationToken), Json);
        if (!AgreementDocumentReader.TryRead(document, reference, out var terms, out var problems))
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)}: {string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}"))}");
        }

        var proposer = Principal.ForDistrict(terms.Parties[0].District);
        var created = Check(await ledger.CreateAsync(proposer, terms, cancellationToken), file);
        var id = created.Id;
        Check(await ledger.SendAsync(new FireTrigger(id, proposer, LifecycleTrigger.Submit, null, null), cancellationToken), file);
        var signed = created;
        foreach (var party in terms.Parties.Skip(1))
        {
            signed = Check(await ledger.SendAsync(new FireTrigger(id, Principal.ForDistrict(party.District), LifecycleTrigger.Countersign, null, null), cancellationToken), file);
        }

        await CertifyHistoryAsync(signed, history, file, cancellationToken);

        return Check(await ledger.SendAsync(new FireTrigger(id, Principal.Finance, LifecycleTrigger.Approve, "示例协议（演示数据）", null), cancellationToken), file);
    }

    private static AgreementState Check(Ledger.Agreements.AgreementReply reply, string file) =>
        reply.Rejection is null
            ? reply.State!
            : throw new InvalidOperationException($"{Path.GetFileName(file)}: {reply.Rejection.Message}");
}
