using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GanNotes.Tests.Data;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (a real socket, an OS-chosen port) for the
/// download tests: each path serves a body, an error status, a body cut short, or a stall.
/// </summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<string, Func<NetworkStream, CancellationToken, Task>> routes = new(StringComparer.Ordinal);
    private readonly Task acceptLoop;

    public LoopbackHttpServer()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        acceptLoop = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>The base URL the tests pass as the mirror.</summary>
    public Uri BaseUrl => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/mnist/"));

    /// <summary>Every request path received, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>GET /mnist/<paramref name="name"/> answers 200 with <paramref name="body"/>.</summary>
    public void Serve(string name, byte[] body) =>
        routes["/mnist/" + name] = async (stream, ct) =>
        {
            await WriteHeadAsync(stream, "200 OK", body.Length, ct);
            await stream.WriteAsync(body, ct);
        };

    /// <summary>GET /mnist/<paramref name="name"/> answers with an error status and a small text body.</summary>
    public void ServeStatus(string name, int status, string reason) =>
        routes["/mnist/" + name] = async (stream, ct) =>
        {
            var text = Encoding.ASCII.GetBytes(reason);
            await WriteHeadAsync(stream, string.Create(CultureInfo.InvariantCulture, $"{status} {reason}"), text.Length, ct);
            await stream.WriteAsync(text, ct);
        };

    /// <summary>Declares <paramref name="body"/>'s full length, sends only the first <paramref name="sent"/> bytes, then closes the connection.</summary>
    public void ServeTruncated(string name, byte[] body, int sent) =>
        routes["/mnist/" + name] = async (stream, ct) =>
        {
            await WriteHeadAsync(stream, "200 OK", body.Length, ct);
            await stream.WriteAsync(body.AsMemory(0, sent), ct);
        };

    /// <summary>Declares <paramref name="body"/>'s full length, sends half of it, then waits until the client gives up.</summary>
    public void ServeStall(string name, byte[] body) =>
        routes["/mnist/" + name] = async (stream, ct) =>
        {
            await WriteHeadAsync(stream, "200 OK", body.Length, ct);
            await stream.WriteAsync(body.AsMemory(0, body.Length / 2), ct);
            await stream.FlushAsync(ct);
            var one = new byte[1];
            try
            {
                // Returns 0 when the client closes its end.
                await stream.ReadAtLeastAsync(one, 1, throwOnEndOfStream: false, ct);
            }
            catch (IOException)
            {
            }
        };

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        // The loop ends at once: its pending accept is cancelled.
        acceptLoop.Wait(TimeSpan.FromSeconds(5));
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(client));
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                string? path = await ReadRequestPathAsync(stream, stop.Token);
                if (path is null)
                {
                    return;
                }
                Requests.Enqueue(path);
                if (routes.TryGetValue(path, out var route))
                {
                    await route(stream, stop.Token);
                }
                else
                {
                    var text = "Not Found"u8.ToArray();
                    await WriteHeadAsync(stream, "404 Not Found", text.Length, stop.Token);
                    await stream.WriteAsync(text, stop.Token);
                }
                await stream.FlushAsync(stop.Token);
                client.Client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away (as the tests of dropped connections intend).
            }
        }
    }

    /// <summary>Reads the request head up to the blank line; returns the path of "GET /path HTTP/1.1".</summary>
    private static async Task<string?> ReadRequestPathAsync(NetworkStream stream, CancellationToken ct)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 16384)
        {
            if (await stream.ReadAsync(one, ct) == 0)
            {
                return null;
            }
            head.Add(one[0]);
            int n = head.Count;
            if (n >= 4 && head[n - 4] == '\r' && head[n - 3] == '\n' && head[n - 2] == '\r' && head[n - 1] == '\n')
            {
                break;
            }
        }
        string requestLine = Encoding.ASCII.GetString([.. head]).Split("\r\n")[0];
        var parts = requestLine.Split(' ');
        return parts.Length == 3 ? parts[1] : null;
    }

    private static async Task WriteHeadAsync(NetworkStream stream, string status, long contentLength, CancellationToken ct)
    {
        string head = string.Create(CultureInfo.InvariantCulture,
            $"HTTP/1.1 {status}\r\nContent-Type: application/octet-stream\r\nContent-Length: {contentLength}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), ct);
    }
}
