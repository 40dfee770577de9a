using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;
using RevenueShare.Domain.Tests.Support;

namespace RevenueShare.Domain.Tests.Agreements;

public sealed class ReportIndexTests
{
    private static readonly CreditCode Enterprise = CreditCode.Parse("91440115MA5BLE2Y7A");

    private static FigureReport Report(string id, decimal amount = 1.00m) => new(id, Enterprise, Catalogue.Indicator("vat"), new YearMonth(2025, 1), amount, 1);

    [Fact]
    public void The_empty_index_holds_nothing()
    {
        Assert.Empty(ReportIndex.Empty);
        Assert.True(ReportIndex.Empty.Count == 0);
        Assert.False(ReportIndex.Empty.TryGetValue("r1", out _));
        Assert.Same(ReportIndex.Empty, ReportIndex.From([]));
    }

    [Fact]
    public void Adding_gives_a_new_index_and_leaves_the_old_one_as_it_was()
    {
        var before = ReportIndex.From([Report("r1")]);

        var after = before.SetItems([Report("r2"), Report("r1", 2.00m)]);

        Assert.True(before.Count == 1);
        Assert.Equal(1.00m, before["r1"].Amount);
        Assert.False(before.ContainsKey("r2"));
        Assert.Equal(2, after.Count);
        Assert.Equal(2.00m, after["r1"].Amount);
        Assert.True(after.TryGetValue("r2", out var r2));
        Assert.Equal("r2", r2.ReportId);
        Assert.Equal(["r1", "r2"], after.Keys.Order(StringComparer.Ordinal));
        Assert.Throws<KeyNotFoundException>(() => after["r3"]);
    }

    [Theory]
    [InlineData(0, 5000, 100)]
    [InlineData(10_000, 6000, 1000)]
    public void Every_report_is_found_once_across_compactions(int initial, int added, int batch)
    {
        var index = ReportIndex.From(Enumerable.Range(0, initial).Select(k => Report($"a{k}")));
        var versions = new List<ReportIndex> { index };
        foreach (var chunk in Enumerable.Range(0, added).Chunk(batch))
        {
            // Every batch also restates one report already in, so replacements cross compactions too.
            index = index.SetItems([.. chunk.Select(k => Report($"b{k}")), Report(initial > 0 ? "a0" : "b0", chunk[0])]);
            versions.Add(index);
        }

        Assert.Equal(initial + added, index.Count);
        Assert.Equal(initial + added, index.Count(_ => true));
        Assert.Equal(initial + added, index.Select(p => p.Key).Distinct().Count());
        Assert.All(Enumerable.Range(0, added), k => Assert.Equal($"b{k}", index[$"b{k}"].ReportId));
        Assert.Equal((decimal)((added - 1) / batch * batch), index[initial > 0 ? "a0" : "b0"].Amount);

        // Every version still answers as it did when made.
        for (var v = 1; v < versions.Count; v++)
        {
            Assert.Equal(initial + Math.Min(v * batch, added), versions[v].Count);
            Assert.Equal(versions[v].Count, versions[v].Count(_ => true));
            Assert.False(versions[v].ContainsKey($"b{v * batch}"));
        }
    }

    [Fact]
    public void Two_indexes_made_from_the_same_one_each_hold_their_own_reports()
    {
        var start = ReportIndex.From([Report("r1")]);

        // The first appends in place; the second finds the storage moved on and builds its own.
        var booked = start.SetItems([Report("r2")]);
        var other = start.SetItems([Report("r3", 3.00m)]);
        var later = booked.SetItems([Report("r4")]);

        Assert.Equal(["r1"], start.Keys);
        Assert.Equal(["r1", "r2"], booked.Keys);
        Assert.Equal(["r1", "r3"], other.Keys);
        Assert.Equal(["r1", "r2", "r4"], later.Keys);
        Assert.False(other.ContainsKey("r2"));
        Assert.False(booked.ContainsKey("r4"));
        Assert.Equal(3.00m, other["r3"].Amount);
    }

    [Fact]
    public async Task Reports_read_while_another_thread_books_are_those_of_the_index_read()
    {
        var index = ReportIndex.From(Enumerable.Range(0, 100).Select(k => Report($"a{k}")));
        var versions = new System.Collections.Concurrent.ConcurrentQueue<ReportIndex>([index]);
        var writer = Task.Run(() =>
        {
            for (var batch = 0; batch < 200; batch++)
            {
                index = index.SetItems(Enumerable.Range(0, 50).Select(k => Report($"b{batch}-{k}", batch)));
                versions.Enqueue(index);
            }
        });

        while (!writer.IsCompleted)
        {
            foreach (var version in versions)
            {
                Assert.Equal(version.Count, version.Count(_ => true));
                Assert.True(version.ContainsKey("a99"));
                Assert.False(version.ContainsKey($"b{(version.Count - 100) / 50}-0"));
            }
        }

        await writer;
        Assert.Equal(100 + (200 * 50), index.Count);
        Assert.Equal(199.00m, index["b199-49"].Amount);
    }
}
