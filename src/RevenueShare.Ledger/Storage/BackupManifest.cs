using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace RevenueShare.Ledger.Storage;

/// <summary>
/// What a backup archive holds (<c>manifest.json</c>, a stored format): the format's name and version,
/// when the backup was taken, and each file in the order it was copied with its length and SHA-256. A
/// restore refuses an archive of another format or of a version it does not read, and any file whose
/// bytes do not match. Version 1: the three files of the embedded store (<see cref="StoreCopy.FileNames"/>).
/// Written by hand, member by member, so its bytes are fixed (a golden test holds them).
/// </summary>
public sealed record BackupManifest(int Version, Instant CreatedAt, ImmutableArray<BackupFile> Files)
{
    public const string Format = "revenueshare-backup";

    /// <summary>The version this code writes, and the only one it reads.</summary>
    public const int CurrentVersion = 1;

    private static readonly InstantPattern Time = InstantPattern.ExtendedIso;

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteNumber("version", Version);
            json.WriteString("createdAt", Time.Format(CreatedAt));
            json.WriteStartArray("files");
            foreach (var file in Files)
            {
                json.WriteStartObject();
                json.WriteString("name", file.Name);
                json.WriteNumber("bytes", file.Bytes);
                json.WriteString("sha256", file.Sha256);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Reads a manifest; anything but a version 1 manifest of this format is refused with the reason.</summary>
    public static BackupManifest Read(ReadOnlySpan<byte> utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray());
            var root = document.RootElement;
            var format = root.GetProperty("format").GetString();
            if (format != Format)
            {
                throw new StoreBackupException($"The archive is not a RevenueShare backup (format '{format}').");
            }

            var version = root.GetProperty("version").GetInt32();
            if (version != CurrentVersion)
            {
                throw new StoreBackupException(string.Create(CultureInfo.InvariantCulture, $"The archive is a backup of format version {version}; this revshare reads version {CurrentVersion}."));
            }

            var createdAt = Time.Parse(root.GetProperty("createdAt").GetString() ?? string.Empty).GetValueOrThrow();
            ImmutableArray<BackupFile> files = [.. root.GetProperty("files").EnumerateArray().Select(f => new BackupFile(
                f.GetProperty("name").GetString() ?? string.Empty,
                f.GetProperty("bytes").GetInt64(),
                f.GetProperty("sha256").GetString() ?? string.Empty))];
            return new BackupManifest(version, createdAt, files);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or UnparsableValueException)
        {
            throw new StoreBackupException("The archive's manifest is damaged: " + e.Message);
        }
    }
}
