using System.Numerics;
using NodaTime;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Domain.Agreements;

/// <summary>
/// The storage behind <see cref="ReportIndex"/>: every report an agreement ever booked, as rows of
/// fixed fields plus its reportId and amount packed into byte chunks (<see cref="PackedWriter"/>), and
/// an open-addressed table of row numbers by reportId. About 75 bytes a report, against about 200 for
/// a <see cref="FigureReport"/> with its reportId string and a dictionary entry; a live agreement holds
/// every report it ever booked.
/// <para>
/// Append-only and shared: an index is a number of rows of one storage, and adding to the index that
/// holds every row so far appends in place (the agreement's actor does, one batch after the other).
/// Adding to an older index, or replacing a report, copies the rows that index holds into a new storage
/// first, so no index ever sees a row change. Appends take a lock; lookups take none: a reader sees the
/// rows of its own index, which were written before the index was made, and ignores any row past them.
/// </para>
/// </summary>
internal sealed class ReportColumns
{
    private const int RowChunkBits = 11;
    private const int RowChunkSize = 1 << RowChunkBits;
    private const int ByteChunkBits = 16;
    private const int ByteChunkSize = 1 << ByteChunkBits;

    private readonly object appending = new();
    private readonly PackedWriter scratch = new(128);
    private Row[][] rows = [];
    private byte[][] chunks = [];
    private int chunkUsed;
    private int[] slots = new int[16];
    private CreditCode[] enterprises = [];
    private Indicator[] indicators = [];
    private readonly Dictionary<CreditCode, int> enterpriseNumbers = [];
    private readonly Dictionary<Indicator, int> indicatorNumbers = [];

    /// <summary>How many rows are written; an index whose count equals it may append in place.</summary>
    public int Length { get; private set; }

    /// <summary>
    /// Appends <paramref name="reports"/> (none of whose ids is among the first <paramref name="count"/>
    /// rows or repeated) if <paramref name="count"/> is still the length; false, with nothing written, if not.
    /// </summary>
    public bool TryAppend(int count, IReadOnlyList<FigureReport> reports)
    {
        lock (appending)
        {
            if (count != Length)
            {
                return false;
            }

            foreach (var report in reports)
            {
                Append(report);
            }

            return true;
        }
    }

    /// <summary>The row of <paramref name="reportId"/> among the first <paramref name="count"/>, or -1.</summary>
    public int Find(string reportId, int count)
    {
        var hash = Hash(reportId);
        var table = Volatile.Read(ref slots);
        var mask = table.Length - 1;
        for (var at = hash & mask; ; at = (at + 1) & mask)
        {
            var slot = Volatile.Read(ref table[at]) - 1;
            if (slot < 0)
            {
                return -1;
            }

            if (slot < count)
            {
                ref readonly var row = ref RowAt(slot);
                if (row.Hash == hash && IdEquals(row, reportId))
                {
                    return slot;
                }
            }
        }
    }

    public FigureReport At(int number)
    {
        ref readonly var row = ref RowAt(number);
        var reader = PackedAt(row);
        var reportId = reader.Text();
        var amount = reader.Decimal();
        return new FigureReport(
            reportId,
            Volatile.Read(ref enterprises)[row.Enterprise],
            Volatile.Read(ref indicators)[row.Indicator],
            new YearMonth(row.Month / 12, (row.Month % 12) + 1),
            amount,
            row.Revision);
    }

    /// <summary>The reportId of row <paramref name="number"/>, without the rest of its report.</summary>
    public string ReportIdAt(int number) => PackedAt(RowAt(number)).Text();

    private static int Hash(string reportId) => string.GetHashCode(reportId.AsSpan()) & int.MaxValue;

    private ref readonly Row RowAt(int number) => ref Volatile.Read(ref rows)[number >> RowChunkBits][number & (RowChunkSize - 1)];

    /// <summary>The row's reportId and amount, in that order.</summary>
    private PackedReader PackedAt(in Row row) =>
        new(Volatile.Read(ref chunks)[row.Offset >> ByteChunkBits].AsSpan(row.Offset & (ByteChunkSize - 1)));

    private bool IdEquals(in Row row, string reportId) => PackedAt(row).TextEquals(reportId);

    private void Append(FigureReport report)
    {
        scratch.Clear();
        scratch.Text(report.ReportId);
        scratch.Decimal(report.Amount);
        var offset = Place(scratch.Written);

        var number = Length;
        var (chunk, within) = (number >> RowChunkBits, number & (RowChunkSize - 1));
        if (chunk == rows.Length)
        {
            Volatile.Write(ref rows, [.. rows, new Row[chunk == 0 ? 16 : RowChunkSize]]);
        }
        else if (within == rows[chunk].Length)
        {
            Volatile.Write(ref rows, Grown(rows, Math.Min(rows[chunk].Length * 2, RowChunkSize)));
        }

        var hash = Hash(report.ReportId);
        rows[chunk][within] = new Row(
            offset,
            hash,
            Number(report.Enterprise, enterpriseNumbers, ref enterprises),
            Number(report.Indicator, indicatorNumbers, ref indicators),
            checked((report.Month.Year * 12) + report.Month.Month - 1),
            report.Revision);

        // Kept at most half full, so a probe for an id not booked ends soon.
        if ((number + 1) * 2 > slots.Length)
        {
            Rehash(slots.Length * 2);
        }

        Insert(slots, number, hash);
        Length = number + 1;
    }

    /// <summary>Copies <paramref name="packed"/> into the current chunk (a new one when it does not fit) and answers where.</summary>
    private int Place(ReadOnlySpan<byte> packed)
    {
        if (packed.Length > ByteChunkSize)
        {
            throw new ArgumentException($"A report of {packed.Length} bytes packed; at most {ByteChunkSize}.", nameof(packed));
        }

        if (chunks.Length == 0 || chunkUsed + packed.Length > chunks[^1].Length)
        {
            if (chunks.Length > 0 && chunkUsed + packed.Length <= ByteChunkSize)
            {
                var size = chunks[^1].Length;
                while (size < chunkUsed + packed.Length)
                {
                    size *= 2;
                }

                Volatile.Write(ref chunks, Grown(chunks, Math.Min(size, ByteChunkSize)));
            }
            else
            {
                Volatile.Write(ref chunks, [.. chunks, new byte[chunks.Length == 0 ? Math.Max(256, (int)BitOperations.RoundUpToPowerOf2((uint)packed.Length)) : ByteChunkSize]]);
                chunkUsed = 0;
            }
        }

        packed.CopyTo(chunks[^1].AsSpan(chunkUsed));
        var offset = checked(((chunks.Length - 1) << ByteChunkBits) | chunkUsed);
        chunkUsed += packed.Length;
        return offset;
    }

    /// <summary>
    /// <paramref name="chunks"/> with its last chunk copied into a larger one: the first chunks start
    /// small, since most agreements hold a few hundred reports and some hold millions.
    /// </summary>
    private static T[][] Grown<T>(T[][] chunks, int size)
    {
        var grown = new T[size];
        chunks[^1].CopyTo(grown, 0);
        var copy = (T[][])chunks.Clone();
        copy[^1] = grown;
        return copy;
    }

    private static int Number<T>(T value, Dictionary<T, int> numbers, ref T[] table)
        where T : notnull
    {
        if (!numbers.TryGetValue(value, out var number))
        {
            number = table.Length;
            numbers[value] = number;
            Volatile.Write(ref table, [.. table, value]);
        }

        return number;
    }

    /// <summary>A larger table, filled before it is published: a reader holds the old one or the new one, both whole.</summary>
    private void Rehash(int size)
    {
        var table = new int[size];
        for (var number = 0; number < Length; number++)
        {
            Insert(table, number, RowAt(number).Hash);
        }

        Volatile.Write(ref slots, table);
    }

    private static void Insert(int[] table, int number, int hash)
    {
        var mask = table.Length - 1;
        var at = hash & mask;
        while (table[at] != 0)
        {
            at = (at + 1) & mask;
        }

        Volatile.Write(ref table[at], number + 1);
    }

    private readonly record struct Row(int Offset, int Hash, int Enterprise, int Indicator, int Month, int Revision);
}
