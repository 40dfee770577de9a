using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.Serialization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using RevenueShare.Domain;
using RevenueShare.Domain.Agreements;
using RevenueShare.Domain.Allocation;
using RevenueShare.Domain.Figures;
using RevenueShare.Domain.Reference;

namespace RevenueShare.Ledger.Serialization.Wire;

/// <summary>
/// The <c>figures-booked.v2</c> wire form: still JSON, but each report and each entry is a positional
/// array instead of an object with named members. A city-year writes hundreds of thousands of these
/// rows; v1 spent two thirds of every event on repeated member names and the reflection-driven
/// serializer's time on them. Read and written by hand with <see cref="Utf8JsonWriter"/> and
/// <see cref="Utf8JsonReader"/>; codes, indicators, districts and months repeat within an event and are
/// read once each.
/// <code>
/// { "agreementId": "GZ-2026-0001", "at": "2026-04-02T03:04:05Z", "by": principal id,
///   "reports": [ [reportId, enterprise, indicator, "2025-01", amount, revision], ... ],
///   "entries": [ [enterprise, indicator, "2025-01", district, lineAmount, ratio, basePart, sharedPart,
///                 capRemainingBefore|null, capRemainingAfter|null, doubleCount, allocation|adjustment, amount, cause], ... ] }
/// </code>
/// </summary>
internal static class FiguresBookedV2Wire
{
    public const string Manifest = "figures-booked.v2";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, SkipValidation = true };

    public static byte[] Write(FiguresBooked booked)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + (booked.Reports.Length * 96) + (booked.Entries.Length * 160));
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("agreementId", booked.AgreementId.Value);
            writer.WriteString("at", InstantPattern.ExtendedIso.Format(booked.At));
            writer.WriteString("by", booked.By.ToString());
            writer.WriteStartArray("reports");
            foreach (var report in booked.Reports)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(report.ReportId);
                writer.WriteStringValue(report.Enterprise.Value);
                writer.WriteStringValue(report.Indicator.Code);
                writer.WriteStringValue(Months.Format(report.Month));
                writer.WriteNumberValue(report.Amount);
                writer.WriteNumberValue(report.Revision);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("entries");
            foreach (var entry in booked.Entries)
            {
                var line = entry.Change.Line;
                writer.WriteStartArray();
                writer.WriteStringValue(line.Enterprise.Value);
                writer.WriteStringValue(line.Indicator.Code);
                writer.WriteStringValue(Months.Format(line.Month));
                writer.WriteStringValue(line.District.Value);
                writer.WriteNumberValue(line.Amount);
                writer.WriteNumberValue(line.Ratio);
                writer.WriteNumberValue(line.BasePart);
                writer.WriteNumberValue(line.SharedPart);
                WriteNullable(writer, line.CapRemainingBefore);
                WriteNullable(writer, line.CapRemainingAfter);
                writer.WriteBooleanValue(line.DoubleCount);
                writer.WriteStringValue(WireNames.ChangeKind.Name(entry.Change.Kind));
                writer.WriteNumberValue(entry.Change.Amount);
                writer.WriteStringValue(entry.Cause);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static FiguresBooked Read(byte[] bytes, ReferenceData reference)
    {
        try
        {
            return ReadEvent(bytes, reference);
        }
        catch (JsonException e)
        {
            throw new SerializationException($"{Manifest}: the payload is not valid JSON ({e.Message}).", e);
        }
    }

    private static FiguresBooked ReadEvent(byte[] bytes, ReferenceData reference)
    {
        var reader = new Utf8JsonReader(bytes);
        var pool = new Pool(reference);
        string? agreementId = null, by = null;
        Instant? at = null;
        var reports = ImmutableArray<FigureReport>.Empty;
        var entries = ImmutableArray<BookedEntry>.Empty;
        Expect(ref reader, JsonTokenType.StartObject);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            switch (name)
            {
                case "agreementId":
                    agreementId = String(ref reader);
                    break;
                case "at":
                    at = InstantPattern.ExtendedIso.Parse(String(ref reader)).GetValueOrThrow();
                    break;
                case "by":
                    by = String(ref reader);
                    break;
                case "reports":
                    reports = ReadReports(ref reader, pool);
                    break;
                case "entries":
                    entries = ReadEntries(ref reader, pool);
                    break;
                default:
                    throw new SerializationException($"{Manifest}: unknown member '{name}'.");
            }
        }

        return new FiguresBooked(
            AgreementId.Parse(agreementId ?? throw Missing("agreementId")),
            reports,
            entries,
            at ?? throw Missing("at"),
            Principal.Parse(by ?? throw Missing("by")));
    }

    private static ImmutableArray<FigureReport> ReadReports(ref Utf8JsonReader reader, Pool pool)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var reports = ImmutableArray.CreateBuilder<FigureReport>();
        while (Next(ref reader) == JsonTokenType.StartArray)
        {
            var report = new FigureReport(
                String(ref reader),
                pool.Code(ref reader),
                pool.Indicator(ref reader),
                pool.Month(ref reader),
                Decimal(ref reader),
                Int(ref reader));
            Expect(ref reader, JsonTokenType.EndArray);
            reports.Add(report);
        }

        return reports.DrainToImmutable();
    }

    private static ImmutableArray<BookedEntry> ReadEntries(ref Utf8JsonReader reader, Pool pool)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var entries = ImmutableArray.CreateBuilder<BookedEntry>();
        while (Next(ref reader) == JsonTokenType.StartArray)
        {
            var line = new AllocationLine(
                pool.Code(ref reader),
                pool.Indicator(ref reader),
                pool.Month(ref reader),
                DistrictCode.Parse(pool.Text(ref reader)),
                Decimal(ref reader),
                Decimal(ref reader),
                Decimal(ref reader),
                Decimal(ref reader),
                NullableDecimal(ref reader),
                NullableDecimal(ref reader),
                Boolean(ref reader));
            var kind = WireNames.ChangeKind.Parse(String(ref reader));
            var entry = new BookedEntry(new AllocationChange(line, Decimal(ref reader), kind), String(ref reader));
            Expect(ref reader, JsonTokenType.EndArray);
            entries.Add(entry);
        }

        return entries.DrainToImmutable();
    }

    private static void WriteNullable(Utf8JsonWriter writer, decimal? value)
    {
        if (value is { } amount)
        {
            writer.WriteNumberValue(amount);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new SerializationException($"{Manifest}: the payload ends early.");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type)
        {
            throw new SerializationException($"{Manifest}: expected {type}, found {reader.TokenType} at byte {reader.TokenStartIndex}.");
        }
    }

    private static string String(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String);
        return reader.GetString()!;
    }

    private static decimal Decimal(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number);
        return reader.GetDecimal();
    }

    private static decimal? NullableDecimal(ref Utf8JsonReader reader) =>
        Next(ref reader) switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number => reader.GetDecimal(),
            var other => throw new SerializationException($"{Manifest}: expected a number or null, found {other} at byte {reader.TokenStartIndex}."),
        };

    private static int Int(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number);
        return reader.GetInt32();
    }

    private static bool Boolean(ref Utf8JsonReader reader) =>
        Next(ref reader) switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            var other => throw new SerializationException($"{Manifest}: expected true or false, found {other} at byte {reader.TokenStartIndex}."),
        };

    private static SerializationException Missing(string member) => new($"{Manifest}: the payload has no '{member}'.");

    /// <summary>One event's repeated values, read once: the rows of an event name few enterprises, indicators, districts and months.</summary>
    private sealed class Pool
    {
        private readonly ReferenceData reference;
        private readonly Dictionary<string, CreditCode> codes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Indicator> indicators = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> texts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, YearMonth> months = new(StringComparer.Ordinal);
        private readonly Dictionary<string, CreditCode>.AlternateLookup<ReadOnlySpan<char>> codeLookup;
        private readonly Dictionary<string, Indicator>.AlternateLookup<ReadOnlySpan<char>> indicatorLookup;
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> textLookup;
        private readonly Dictionary<string, YearMonth>.AlternateLookup<ReadOnlySpan<char>> monthLookup;
        private readonly char[] buffer = new char[64];

        public Pool(ReferenceData reference)
        {
            this.reference = reference;
            codeLookup = codes.GetAlternateLookup<ReadOnlySpan<char>>();
            indicatorLookup = indicators.GetAlternateLookup<ReadOnlySpan<char>>();
            textLookup = texts.GetAlternateLookup<ReadOnlySpan<char>>();
            monthLookup = months.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public CreditCode Code(ref Utf8JsonReader reader)
        {
            var text = Chars(ref reader);
            if (!codeLookup.TryGetValue(text, out var code))
            {
                var value = text.ToString();
                code = CreditCode.Parse(value);
                codes[value] = code;
            }

            return code;
        }

        /// <summary>The catalogue entry of the code, resolved once per event.</summary>
        public Indicator Indicator(ref Utf8JsonReader reader)
        {
            var text = Chars(ref reader);
            if (!indicatorLookup.TryGetValue(text, out var indicator))
            {
                var value = text.ToString();
                indicator = WireIndicators.Resolve(reference, value);
                indicators[value] = indicator;
            }

            return indicator;
        }

        public string Text(ref Utf8JsonReader reader)
        {
            var text = Chars(ref reader);
            if (!textLookup.TryGetValue(text, out var value))
            {
                value = text.ToString();
                texts[value] = value;
            }

            return value;
        }

        public YearMonth Month(ref Utf8JsonReader reader)
        {
            var text = Chars(ref reader);
            if (!monthLookup.TryGetValue(text, out var month))
            {
                var value = text.ToString();
                month = Months.Parse(value);
                months[value] = month;
            }

            return month;
        }

        /// <summary>The string's characters in the pool's buffer, or in a new array when it is longer than any code this pool reads.</summary>
        private ReadOnlySpan<char> Chars(ref Utf8JsonReader reader)
        {
            Expect(ref reader, JsonTokenType.String);
            if (reader.HasValueSequence || reader.ValueSpan.Length > buffer.Length)
            {
                return reader.GetString();
            }

            return buffer.AsSpan(0, reader.CopyString(buffer));
        }
    }
}
