using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace RevenueShare.Server.Tests.Http;

/// <summary>
/// HTTP/1.1 spoken over a bare socket, for requests no well-behaved client sends (a NUL in a header,
/// a broken request line, a declared body never sent) and for answers Kestrel gives before the app:
/// the bytes go out exactly as written, and the answer is read whatever it is. The answer is read to
/// its end (its length, its last chunk, or the server closing), so nothing depends on timing.
/// </summary>
internal static class RawHttp
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Sends <paramref name="head"/> (and <paramref name="body"/>, written alongside the reading, when
    /// given: the server may answer before it ends) to <paramref name="server"/> and reads one answer.
    /// </summary>
    public static async Task<RawResponse> SendAsync(Uri server, byte[] head, Func<Stream, Task>? body = null)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(head, timeout.Token);
        var writing = body is null ? Task.CompletedTask : WriteIgnoringRefusalAsync(stream, body);
        var response = await ReadAsync(stream, timeout.Token);
        await writing;
        return response;
    }

    /// <summary>A body the server stops reading (it answered already) ends in a reset: that is its answer, not a failure.</summary>
    private static async Task WriteIgnoringRefusalAsync(Stream stream, Func<Stream, Task> body)
    {
        try
        {
            await body(stream);
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static async Task<RawResponse> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var reader = new ByteReader(stream, cancellationToken);
        var statusLine = await reader.LineAsync() ?? throw new IOException("The server closed the connection without answering.");
        var status = int.Parse(statusLine.Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var line = await reader.LineAsync(); !string.IsNullOrEmpty(line); line = await reader.LineAsync())
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon]] = line[(colon + 1)..].Trim();
        }

        byte[] content;
        if (headers.TryGetValue("Content-Length", out var length))
        {
            content = await reader.BytesAsync(int.Parse(length, CultureInfo.InvariantCulture));
        }
        else if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            using var chunks = new MemoryStream();
            for (var size = await ChunkSizeAsync(reader); size > 0; size = await ChunkSizeAsync(reader))
            {
                chunks.Write(await reader.BytesAsync(size));
                await reader.LineAsync();
            }

            content = chunks.ToArray();
        }
        else
        {
            content = await reader.RestAsync();
        }

        return new RawResponse(status, headers, Encoding.UTF8.GetString(content));
    }

    private static async Task<int> ChunkSizeAsync(ByteReader reader) =>
        int.Parse((await reader.LineAsync() ?? "0").Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <summary>Reads lines (ASCII, CRLF) and byte counts off a stream, buffering what it has read ahead.</summary>
    private sealed class ByteReader(Stream stream, CancellationToken cancellationToken)
    {
        private readonly byte[] buffer = new byte[16 * 1024];
        private int start;
        private int end;

        public async Task<string?> LineAsync()
        {
            var line = new List<byte>();
            while (true)
            {
                if (start == end && !await FillAsync())
                {
                    return line.Count == 0 ? null : Encoding.ASCII.GetString([.. line]);
                }

                var b = buffer[start++];
                if (b == '\n')
                {
                    return Encoding.ASCII.GetString([.. line]).TrimEnd('\r');
                }

                line.Add(b);
            }
        }

        public async Task<byte[]> BytesAsync(int count)
        {
            var bytes = new byte[count];
            for (var taken = 0; taken < count;)
            {
                if (start == end && !await FillAsync())
                {
                    throw new IOException($"The answer ended after {taken} of {count} bytes.");
                }

                var n = Math.Min(count - taken, end - start);
                Array.Copy(buffer, start, bytes, taken, n);
                start += n;
                taken += n;
            }

            return bytes;
        }

        public async Task<byte[]> RestAsync()
        {
            using var rest = new MemoryStream();
            do
            {
                rest.Write(buffer, start, end - start);
                start = end;
            }
            while (await FillAsync());
            return rest.ToArray();
        }

        private async Task<bool> FillAsync()
        {
            start = 0;
            end = await stream.ReadAsync(buffer, cancellationToken);
            return end > 0;
        }
    }
}
