using System.Collections.Concurrent;
using RevenueShare.Domain.Agreements;
using RevenueShare.Ledger.Reads;

namespace RevenueShare.Ledger;

/// <summary>
/// Which agreement each reportId was booked under, across all agreements: an agreement knows its own
/// reportIds, but a reporter reusing an id for a figure of another agreement must be refused too.
/// Loaded once from the read side, then kept up to date by the gateway as batches are booked.
/// Two concurrent batches bringing the same new reportId for two different agreements are not
/// caught: reporters send one office's batches in sequence.
/// </summary>
public sealed class ReportIdIndex(ReadModel reads) : IDisposable
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private ConcurrentDictionary<string, AgreementId>? index;

    public async Task<AgreementId?> AgreementOfAsync(string reportId, CancellationToken cancellationToken) =>
        (await IndexAsync(cancellationToken)).TryGetValue(reportId, out var agreement) ? agreement : null;

    public async Task RecordAsync(IEnumerable<(string ReportId, AgreementId Agreement)> booked, CancellationToken cancellationToken)
    {
        var current = await IndexAsync(cancellationToken);
        foreach (var (reportId, agreement) in booked)
        {
            current.TryAdd(reportId, agreement);
        }
    }

    public void Dispose() => loading.Dispose();

    private async Task<ConcurrentDictionary<string, AgreementId>> IndexAsync(CancellationToken cancellationToken)
    {
        if (index is { } ready)
        {
            return ready;
        }

        await loading.WaitAsync(cancellationToken);
        try
        {
            return index ??= new ConcurrentDictionary<string, AgreementId>(await reads.BookedReportIdsAsync(cancellationToken), StringComparer.Ordinal);
        }
        finally
        {
            loading.Release();
        }
    }
}
