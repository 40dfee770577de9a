using System.Collections.Immutable;
using System.Runtime.Serialization;
using System.Text;
using System.Text.Json;
using NodaTime;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>
/// The binary form of an agreement's state (<c>agreement-snapshot.v2</c>). The largest agreement holds
/// 360,000 figures and 800,000 allocation lines: as one JSON document (v1) that was 180 MiB and took
/// 13 s to read back; this form is 22 MiB and is read straight into the state, each enterprise's
/// book left as its byte range until first used (<see cref="EnterpriseBook.Deferred"/>), so a
/// damaged book is found when it is first used, not at recovery.
/// <para>
/// Deterministic: the same state gives the same bytes (every collection is written in ordinal
/// order). Amounts are exact: each decimal is its sign, scale and 96-bit integer mantissa, so
/// <c>100.10</c> comes back as <c>100.10</c>.
/// </para>
/// Layout (integers 7-bit encoded, strings UTF-8 with their byte length first):
/// <code>
/// format version (1 to 3) | head: length, JSON of <see cref="AgreementSnapshotV1Wire"/> without reports and lines
/// string tables: credit codes, indicators, districts (count, then each string)
/// reports: count, then by reportId: shared prefix with the previous id (chars), rest of the id,
///          enterprise, indicator, month, amount, revision
/// books:   count, then by credit code: enterprise, the book's length in bytes (so a reader can
///          leave it for later: <see cref="EnterpriseBook.Deferred"/>), figures: count, each the index of its report;
///          lines by (indicator, month): group count, then indicator, month, line count and the lines
///          by district: district, flags (cap before, cap after, double-count), amount, ratio,
///          base part, shared part, cap before and cap after when present
/// </code>
/// </summary>
public static class AgreementSnapshotV2Wire
{
    /// <summary>
    /// Format 1 (<c>agreement-snapshot.v2</c>, <c>.v3</c>), format 2 (<c>.v4</c>) and format 3 (<c>.v5</c>)
    /// share this layout; format 2's head may carry factor reports and formula terms
    /// (<see cref="AgreementSnapshotV1Wire.Factors"/>, <see cref="SharingTermWire.Formula"/>), which a
    /// format 1 head never has, and format 3's history, certifications and derived amounts
    /// (<see cref="AgreementSnapshotV1Wire.History"/>, <see cref="AgreementSnapshotV1Wire.Certifications"/>,
    /// <see cref="DerivationWire"/>), which neither earlier format has.
    /// </summary>
    private const byte FormatVersion = 3;
    private const byte FirstFormatVersion = 1;
    private const byte CapBeforeFlag = 1;
    private const byte CapAfterFlag = 2;
    private const byte DoubleCountFlag = 4;

    /// <summary>Refuses a lone surrogate instead of writing a replacement character: nothing is changed silently.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] Write(AgreementState state)
    {
        var writer = new Writer(1 << 16);
        writer.Byte(FormatVersion);
        writer.Bytes(JsonSerializer.SerializeToUtf8Bytes(Head(state), WireJson.Options));

        var reports = state.Reports.Values.ToArray();
        Array.Sort(reports, static (a, b) => string.CompareOrdinal(a.ReportId, b.ReportId));
        var reportIndex = new Dictionary<string, int>(reports.Length, StringComparer.Ordinal);
        for (var k = 0; k < reports.Length; k++)
        {
            reportIndex.Add(reports[k].ReportId, k);
        }

        var books = state.Books.ToArray();
        Array.Sort(books, static (a, b) => a.Key.CompareTo(b.Key));
        var enterprises = new StringTable();
        var indicators = new StringTable();
        var districts = new StringTable();
        foreach (var report in reports)
        {
            enterprises.Add(report.Enterprise.Value);
            indicators.Add(report.Indicator.Code);
        }

        foreach (var (enterprise, book) in books)
        {
            enterprises.Add(enterprise.Value);
            foreach (var line in book.Lines)
            {
                indicators.Add(line.Indicator.Code);
                districts.Add(line.District.Value);
            }
        }

        enterprises.WriteTo(writer);
        indicators.WriteTo(writer);
        districts.WriteTo(writer);

        writer.Count(reports.Length);
        var previous = string.Empty;
        foreach (var report in reports)
        {
            var shared = report.ReportId.AsSpan().CommonPrefixLength(previous);
            if (shared > 0 && char.IsHighSurrogate(report.ReportId[shared - 1]))
            {
                shared--; // never split a surrogate pair: each part must be valid UTF-16 on its own
            }

            writer.Count(shared);
            writer.String(report.ReportId.AsSpan(shared));
            writer.Count(enterprises.IndexOf(report.Enterprise.Value));
            writer.Count(indicators.IndexOf(report.Indicator.Code));
            writer.Month(report.Month);
            writer.Decimal(report.Amount);
            writer.Count(report.Revision);
            previous = report.ReportId;
        }

        writer.Count(books.Length);
        var body = new Writer(1 << 14);
        foreach (var (enterprise, book) in books)
        {
            writer.Count(enterprises.IndexOf(enterprise.Value));
            body.Clear();
            WriteBook(body, state.Id, enterprise, book, reports, reportIndex, indicators, districts);
            writer.Bytes(body.Written);
        }

        return writer.ToArray();
    }

    public static AgreementState Read(ReadOnlyMemory<byte> bytes, ReferenceData reference)
    {
        var reader = new Reader(bytes.Span);
        var version = reader.Byte();
        if (version is < FirstFormatVersion or > FormatVersion)
        {
            throw new SerializationException($"Unknown compact snapshot format {version}.");
        }

        var head = JsonSerializer.Deserialize<AgreementSnapshotV1Wire>(reader.Bytes(), WireJson.Options)
            ?? throw new SerializationException("Empty snapshot head.");
        var enterpriseCodes = reader.Strings();
        var enterprises = new CreditCode[enterpriseCodes.Length];
        for (var k = 0; k < enterprises.Length; k++)
        {
            enterprises[k] = CreditCode.Parse(enterpriseCodes[k]);
        }

        // Resolved here, not when a deferred book is first used: a code the catalogue lacks fails the read.
        var indicatorCodes = reader.Strings();
        var indicators = new Indicator[indicatorCodes.Length];
        for (var k = 0; k < indicators.Length; k++)
        {
            indicators[k] = WireIndicators.Resolve(reference, indicatorCodes[k]);
        }

        var districts = reader.Strings();

        var reports = new FigureReport[reader.Count()];
        var previous = string.Empty;
        for (var k = 0; k < reports.Length; k++)
        {
            var shared = reader.Count();
            var reportId = reader.StringAfter(previous.AsSpan(0, shared));
            reports[k] = new FigureReport(reportId, enterprises[reader.Count()], indicators[reader.Count()], reader.Month(), reader.Decimal(), reader.Count());
            previous = reportId;
        }

        var index = ReportIndex.From(reports);
        var books = ImmutableDictionary.CreateBuilder<CreditCode, EnterpriseBook>();
        var bookCount = reader.Count();
        for (var b = 0; b < bookCount; b++)
        {
            var enterprise = enterprises[reader.Count()];
            var (offset, length) = reader.Skip();
            books.Add(enterprise, EnterpriseBook.Deferred(() => ReadBook(bytes.Span.Slice(offset, length), enterprise, indicators, districts, reports, index)));
        }

        if (!reader.AtEnd)
        {
            throw new SerializationException("Bytes left over after the snapshot.");
        }

        return head.ToState(reference) with { Books = books.ToImmutable(), Reports = index };
    }

    /// <summary>A book's figures are written as the numbers of their reports: each must be a booked report, equal to it in every field.</summary>
    private static void WriteBook(Writer body, AgreementId agreementId, CreditCode enterprise, EnterpriseBook book, FigureReport[] reports, Dictionary<string, int> reportIndex, StringTable indicators, StringTable districts)
    {
        var figures = book.Figures.ToArray();
        Array.Sort(figures, static (a, b) => CompareFigures(a.Indicator, a.Month, b.Indicator, b.Month));
        body.Count(figures.Length);
        foreach (var report in figures)
        {
            if (report.Enterprise != enterprise || !reportIndex.TryGetValue(report.ReportId, out var index) || reports[index] != report)
            {
                throw new SerializationException($"Agreement {agreementId}: the figure {enterprise} {report.Indicator} {report.Month} is not a booked report.");
            }

            body.Count(index);
        }

        var lines = book.Lines.Select(l => KeyValuePair.Create((l.Indicator, l.Month, l.District), l)).ToArray();
        Array.Sort(lines, static (a, b) =>
        {
            var byFigure = CompareFigures(a.Key.Indicator, a.Key.Month, b.Key.Indicator, b.Key.Month);
            return byFigure != 0 ? byFigure : a.Key.District.CompareTo(b.Key.District);
        });
        body.Count(CountGroups(lines));
        for (var start = 0; start < lines.Length;)
        {
            var (indicator, month, _) = lines[start].Key;
            var end = start + 1;
            while (end < lines.Length && lines[end].Key.Indicator == indicator && lines[end].Key.Month == month)
            {
                end++;
            }

            body.Count(indicators.IndexOf(indicator.Code));
            body.Month(month);
            body.Count(end - start);
            for (var k = start; k < end; k++)
            {
                var (key, line) = lines[k];
                if (line.Enterprise != enterprise || key != (line.Indicator, line.Month, line.District))
                {
                    throw new SerializationException($"Agreement {agreementId}: the line {enterprise} {key} holds another line.");
                }

                WriteLine(body, districts, line);
            }

            start = end;
        }
    }

    /// <summary>One book's figures and lines, when the book is first used.</summary>
    private static EnterpriseBook ReadBook(ReadOnlySpan<byte> bytes, CreditCode enterprise, Indicator[] indicators, string[] districts, FigureReport[] reports, ReportIndex index)
    {
        var reader = new Reader(bytes);
        var figureCount = reader.Count();
        var figures = new List<FigureReport>(figureCount);
        for (var k = 0; k < figureCount; k++)
        {
            figures.Add(reports[reader.Count()]);
        }

        var lines = new List<AllocationLine>();
        var groups = reader.Count();
        for (var g = 0; g < groups; g++)
        {
            var indicator = indicators[reader.Count()];
            var month = reader.Month();
            var count = reader.Count();
            for (var k = 0; k < count; k++)
            {
                var line = ReadLine(ref reader, districts, enterprise, indicator, month);
                lines.Add(line);
            }
        }

        return reader.AtEnd
            ? EnterpriseBook.Of(index, figures, lines)
            : throw new SerializationException($"Bytes left over after the book of {enterprise}.");
    }

    /// <summary>The state without its reports and lines, in the v1 snapshot's JSON form.</summary>
    private static AgreementSnapshotV1Wire Head(AgreementState state) =>
        AgreementSnapshotV1Wire.Of(state with { Books = state.Books.Clear(), Reports = ReportIndex.Empty });

    private static int CompareFigures(Indicator indicatorA, YearMonth monthA, Indicator indicatorB, YearMonth monthB)
    {
        var byIndicator = string.CompareOrdinal(indicatorA.Code, indicatorB.Code);
        return byIndicator != 0 ? byIndicator : monthA.CompareTo(monthB);
    }

    private static int CountGroups(KeyValuePair<(Indicator Indicator, YearMonth Month, DistrictCode District), AllocationLine>[] lines)
    {
        var groups = 0;
        for (var k = 0; k < lines.Length; k++)
        {
            if (k == 0 || lines[k].Key.Indicator != lines[k - 1].Key.Indicator || lines[k].Key.Month != lines[k - 1].Key.Month)
            {
                groups++;
            }
        }

        return groups;
    }

    private static void WriteLine(Writer writer, StringTable districts, AllocationLine line)
    {
        writer.Count(districts.IndexOf(line.District.Value));
        var flags = (byte)((line.CapRemainingBefore is null ? 0 : CapBeforeFlag)
            | (line.CapRemainingAfter is null ? 0 : CapAfterFlag)
            | (line.DoubleCount ? DoubleCountFlag : 0));
        writer.Byte(flags);
        writer.Decimal(line.Amount);
        writer.Decimal(line.Ratio);
        writer.Decimal(line.BasePart);
        writer.Decimal(line.SharedPart);
        if (line.CapRemainingBefore is { } before)
        {
            writer.Decimal(before);
        }

        if (line.CapRemainingAfter is { } after)
        {
            writer.Decimal(after);
        }
    }

    private static AllocationLine ReadLine(ref Reader reader, string[] districts, CreditCode enterprise, Indicator indicator, YearMonth month)
    {
        var district = DistrictCode.Parse(districts[reader.Count()]);
        var flags = reader.Byte();
        if ((flags & ~(CapBeforeFlag | CapAfterFlag | DoubleCountFlag)) != 0)
        {
            throw new SerializationException($"Unknown line flags {flags}.");
        }

        var amount = reader.Decimal();
        var ratio = reader.Decimal();
        var basePart = reader.Decimal();
        var sharedPart = reader.Decimal();
        decimal? before = (flags & CapBeforeFlag) != 0 ? reader.Decimal() : null;
        decimal? after = (flags & CapAfterFlag) != 0 ? reader.Decimal() : null;
        return new AllocationLine(enterprise, indicator, month, district, amount, ratio, basePart, sharedPart, before, after, (flags & DoubleCountFlag) != 0);
    }

    /// <summary>Strings numbered in ordinal order, so the table does not depend on the order they were met in.</summary>
    private sealed class StringTable
    {
        private readonly HashSet<string> seen = new(StringComparer.Ordinal);
        private Dictionary<string, int>? numbers;

        public void Add(string value) => seen.Add(value);

        public int IndexOf(string value) => numbers![value];

        public void WriteTo(Writer writer)
        {
            var values = seen.ToArray();
            Array.Sort(values, StringComparer.Ordinal);
            numbers = new Dictionary<string, int>(values.Length, StringComparer.Ordinal);
            writer.Count(values.Length);
            foreach (var value in values)
            {
                numbers.Add(value, numbers.Count);
                writer.String(value);
            }
        }
    }

    private sealed class Writer(int capacity)
    {
        private byte[] buffer = new byte[capacity];
        private int length;

        public void Byte(byte value)
        {
            Ensure(1);
            buffer[length++] = value;
        }

        public void Count(int value)
        {
            if (value < 0)
            {
                throw new SerializationException($"Negative count {value} in a snapshot.");
            }

            Unsigned((ulong)value);
        }

        public void Unsigned(ulong value)
        {
            Ensure(10);
            while (value >= 0x80)
            {
                buffer[length++] = unchecked((byte)(value | 0x80));
                value >>= 7;
            }

            buffer[length++] = (byte)value;
        }

        public void Bytes(ReadOnlySpan<byte> bytes)
        {
            Count(bytes.Length);
            Ensure(bytes.Length);
            bytes.CopyTo(buffer.AsSpan(length));
            length += bytes.Length;
        }

        public void String(ReadOnlySpan<char> value)
        {
            var size = Utf8.GetByteCount(value);
            Count(size);
            Ensure(size);
            length += Utf8.GetBytes(value, buffer.AsSpan(length));
        }

        /// <summary>ISO months only (the ledger has no other calendar): months since year 0.</summary>
        public void Month(YearMonth month)
        {
            if (month.Calendar != CalendarSystem.Iso || month.Year < 0)
            {
                throw new SerializationException($"Month {month} is not an ISO month of a positive year.");
            }

            Count((month.Year * 12) + month.Month - 1);
        }

        /// <summary>One byte of sign (bit 7), high word present (bit 5) and scale (bits 0-4), then the mantissa.</summary>
        public void Decimal(decimal value)
        {
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(value, bits);
            var scale = (bits[3] >> 16) & 0xFF;
            var negative = bits[3] < 0;
            var high = unchecked((uint)bits[2]);
            Byte((byte)((negative ? 0x80 : 0) | (high != 0 ? 0x20 : 0) | scale));
            Unsigned(unchecked(((ulong)(uint)bits[1] << 32) | (uint)bits[0]));
            if (high != 0)
            {
                Unsigned(high);
            }
        }

        public ReadOnlySpan<byte> Written => buffer.AsSpan(0, length);

        public void Clear() => length = 0;

        public byte[] ToArray() => buffer.AsSpan(0, length).ToArray();

        private void Ensure(int more)
        {
            if (length + more > buffer.Length)
            {
                Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + more));
            }
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> data = bytes;
        private int position;

        public readonly bool AtEnd => position == data.Length;

        public byte Byte() => position < data.Length ? data[position++] : throw Truncated();

        public int Count()
        {
            var value = Unsigned();
            return value <= int.MaxValue ? (int)value : throw new SerializationException($"Count {value} out of range in a snapshot.");
        }

        public ulong Unsigned()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = Byte();
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }

            throw new SerializationException("Malformed integer in a snapshot.");
        }

        public ReadOnlySpan<byte> Bytes()
        {
            var size = Count();
            if (size > data.Length - position)
            {
                throw Truncated();
            }

            var span = data.Slice(position, size);
            position += size;
            return span;
        }

        /// <summary>Steps over a length-prefixed part, giving where it is.</summary>
        public (int Offset, int Length) Skip()
        {
            var size = Count();
            if (size > data.Length - position)
            {
                throw Truncated();
            }

            var offset = position;
            position += size;
            return (offset, size);
        }

        public string[] Strings()
        {
            var values = new string[Count()];
            for (var k = 0; k < values.Length; k++)
            {
                values[k] = Utf8.GetString(Bytes());
            }

            return values;
        }

        /// <summary>A string made of <paramref name="prefix"/> and the string that follows in the bytes.</summary>
        public string StringAfter(ReadOnlySpan<char> prefix)
        {
            var rest = Bytes();
            if (prefix.IsEmpty)
            {
                return Utf8.GetString(rest);
            }

            Span<char> chars = rest.Length + prefix.Length <= 256 ? stackalloc char[rest.Length + prefix.Length] : new char[rest.Length + prefix.Length];
            prefix.CopyTo(chars);
            var written = Utf8.GetChars(rest, chars[prefix.Length..]);
            return new string(chars[..(prefix.Length + written)]);
        }

        public YearMonth Month()
        {
            var months = Count();
            return new YearMonth(months / 12, (months % 12) + 1);
        }

        public decimal Decimal()
        {
            var header = Byte();
            var scale = (byte)(header & 0x1F);
            if (scale > 28 || (header & 0x40) != 0)
            {
                throw new SerializationException($"Malformed decimal header {header} in a snapshot.");
            }

            var low = Unsigned();
            var high = (header & 0x20) != 0 ? Unsigned() : 0;
            if (high > uint.MaxValue)
            {
                throw new SerializationException("Decimal mantissa out of range in a snapshot.");
            }

            return unchecked(new decimal((int)(uint)low, (int)(uint)(low >> 32), (int)(uint)high, (header & 0x80) != 0, scale));
        }

        private static SerializationException Truncated() => new("The snapshot ends too early.");
    }
}
