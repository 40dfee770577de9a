using System.IO.Compression;
using System.Security.Cryptography;
using NodaTime;

namespace RevenueShare.Ledger.Storage;

/// <summary>
/// <c>revshare backup</c> and <c>revshare restore</c>: the embedded store as one archive file (zip) —
/// <c>manifest.json</c> (<see cref="BackupManifest"/>) first, then the store's files as
/// <see cref="StoreCopy"/> copied them, consistent with each other, while the service went on serving.
/// </summary>
public static class StoreBackup
{
    public const string ManifestName = "manifest.json";

    /// <summary>
    /// Writes the archive of <paramref name="store"/> to <paramref name="archive"/>, which must not exist.
    /// The archive appears under its name only once complete (written beside it, then renamed), so a
    /// backup cut short never leaves a file that looks whole.
    /// </summary>
    public static async Task<BackupManifest> CreateAsync(StoreOptions store, string archive, Instant now, CancellationToken cancellationToken)
    {
        archive = Path.GetFullPath(archive);
        if (File.Exists(archive) || Directory.Exists(archive))
        {
            throw new StoreBackupException($"{archive} exists already; name a new file.");
        }

        StoreCopy.RequireFiles(store);
        var staging = Path.Combine(Path.GetDirectoryName(archive)!, $".{Path.GetFileName(archive)}.{Guid.NewGuid():N}");
        try
        {
            StoreCopy.Copy(store, staging);
            var files = new List<BackupFile>();
            foreach (var name in StoreCopy.FileNames)
            {
                var path = Path.Combine(staging, name);
                files.Add(new BackupFile(name, new FileInfo(path).Length, await Sha256Async(path, cancellationToken)));
            }

            var manifest = new BackupManifest(BackupManifest.CurrentVersion, now, [.. files]);
            var partial = Path.Combine(staging, "archive.partial");
            await WriteArchiveAsync(partial, staging, manifest, cancellationToken);
            File.Move(partial, archive);
            return manifest;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>
    /// Restores <paramref name="archive"/> into <paramref name="store"/>'s folder. A folder holding
    /// anything is refused unless <paramref name="force"/>, which replaces the store's files (with their
    /// write-ahead logs) and leaves anything else alone; the service must be stopped. Every file is
    /// checked against the manifest before the folder is touched: a damaged archive restores nothing.
    /// </summary>
    public static async Task<BackupManifest> RestoreAsync(string archive, StoreOptions store, bool force, CancellationToken cancellationToken)
    {
        if (store.Kind != StoreKind.Sqlite)
        {
            throw new StoreBackupException("A backup is restored into the embedded SQLite store's folder (--data).");
        }

        if (!File.Exists(archive))
        {
            throw new StoreBackupException($"{archive} does not exist.");
        }

        var target = store.DataDirectory;
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !force)
        {
            throw new StoreBackupException($"{target} is not empty; restore into an empty folder, or give --force to replace the store in it (stop the service first).");
        }

        Directory.CreateDirectory(target);
        var staging = Path.Combine(target, $".restore-{Guid.NewGuid():N}");
        try
        {
            var manifest = await ExtractAsync(archive, staging, cancellationToken);
            foreach (var name in StoreCopy.FileNames)
            {
                foreach (var file in new[] { name, name + "-wal", name + "-shm", name + "-journal" })
                {
                    File.Delete(store.FileOf(file));
                }
            }

            foreach (var file in manifest.Files)
            {
                File.Move(Path.Combine(staging, file.Name), store.FileOf(file.Name));
            }

            return manifest;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static async Task WriteArchiveAsync(string path, string staging, BackupManifest manifest, CancellationToken cancellationToken)
    {
        await using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            await using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                var stamp = manifest.CreatedAt.ToDateTimeOffset();
                var entry = zip.CreateEntry(ManifestName, CompressionLevel.Optimal);
                entry.LastWriteTime = stamp;
                await using (var stream = await entry.OpenAsync(cancellationToken))
                {
                    await stream.WriteAsync(manifest.ToJson(), cancellationToken);
                }

                foreach (var file in manifest.Files)
                {
                    // Fastest: a store's pages compress about as well, and in a fraction of the time.
                    entry = zip.CreateEntry(file.Name, CompressionLevel.Fastest);
                    entry.LastWriteTime = stamp;
                    await using var stream = await entry.OpenAsync(cancellationToken);
                    await using var source = File.OpenRead(Path.Combine(staging, file.Name));
                    await source.CopyToAsync(stream, cancellationToken);
                }
            }

            // On disk before the archive takes its name.
            output.Flush(flushToDisk: true);
        }
    }

    /// <summary>The archive's files in <paramref name="staging"/>, each checked against the manifest.</summary>
    private static async Task<BackupManifest> ExtractAsync(string archive, string staging, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(staging);
        ZipArchive zip;
        try
        {
            zip = await ZipFile.OpenReadAsync(archive, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new StoreBackupException($"{archive} is not a backup archive: {e.Message}");
        }

        await using (zip)
        {
            var manifest = BackupManifest.Read(await ReadEntryAsync(zip, ManifestName, cancellationToken));
            var listed = manifest.Files.Select(f => f.Name).Order(StringComparer.Ordinal).ToArray();
            var held = zip.Entries.Select(e => e.FullName).Where(n => n != ManifestName).Order(StringComparer.Ordinal).ToArray();
            if (!listed.SequenceEqual(StoreCopy.FileNames.Order(StringComparer.Ordinal)) || !held.SequenceEqual(listed))
            {
                throw new StoreBackupException($"The archive holds {string.Join(", ", held)} and its manifest lists {string.Join(", ", listed)}; a backup holds exactly {string.Join(", ", StoreCopy.FileNames)}.");
            }

            foreach (var file in manifest.Files)
            {
                var path = Path.Combine(staging, file.Name);
                try
                {
                    await zip.GetEntry(file.Name)!.ExtractToFileAsync(path, cancellationToken);
                }
                catch (InvalidDataException e)
                {
                    throw new StoreBackupException($"{file.Name} cannot be read from the archive: {e.Message}; nothing was restored.");
                }

                var bytes = new FileInfo(path).Length;
                var sha256 = await Sha256Async(path, cancellationToken);
                if (bytes != file.Bytes || sha256 != file.Sha256)
                {
                    throw new StoreBackupException($"{file.Name} in the archive ({bytes} bytes, SHA-256 {sha256}) is not the file the manifest lists ({file.Bytes} bytes, SHA-256 {file.Sha256}): the archive is damaged; nothing was restored.");
                }
            }

            return manifest;
        }
    }

    private static async Task<byte[]> ReadEntryAsync(ZipArchive zip, string name, CancellationToken cancellationToken)
    {
        var entry = zip.GetEntry(name) ?? throw new StoreBackupException($"The archive has no {name}: it is not a RevenueShare backup.");
        await using var stream = await entry.OpenAsync(cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
