using System.Net.WebSockets;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace ServiceDesk.Bot.Tests.Channels.DirectLine;

public sealed class DirectLineStreamTests
{
    [Fact]
    public async Task Stream_when_user_writes_sends_frame_with_echo_reply_and_watermark()
    {
        await using var host = await DirectLineHost.StartAsync(DirectLineHost.Secret);
        var start = await host.Client.SendAsync(host.Request(HttpMethod.Post, "/v3/directline/conversations", DirectLineHost.Secret, """{"user":{"id":"alice"}}"""));
        var started = (await start.Content.ReadFromJsonAsync<JsonObject>())!;
        var conversation = started["conversationId"]!.GetValue<string>();
        var token = started["token"]!.GetValue<string>();
        var streamUrl = new Uri(started["streamUrl"]!.GetValue<string>());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var socket = await host.Server.CreateWebSocketClient().ConnectAsync(streamUrl, timeout.Token);
        await socket.SendAsync(Array.Empty<byte>(), WebSocketMessageType.Text, true, timeout.Token);

        await host.SendTextAsync(conversation, "monitor flickers", clientActivityId: "c-1", bearer: token);
        var seen = new List<JsonObject>();
        string? watermark = null;
        while (seen.Count < 2)
        {
            var frame = await ReceiveFrameAsync(socket, timeout.Token);
            seen.AddRange(frame["activities"]!.AsArray().Select(a => a!.AsObject()));
            watermark = frame["watermark"]!.GetValue<string>();
        }

        Assert.Equal("c-1", seen[0]["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal("got: monitor flickers", seen[1]["text"]!.GetValue<string>());
        Assert.Equal(seen[0]["id"]!.GetValue<string>(), seen[1]["replyToId"]!.GetValue<string>());
        Assert.Equal("2", watermark);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
    }

    [Fact]
    public async Task Stream_when_opened_with_watermark_sends_only_later_activities()
    {
        await using var host = await DirectLineHost.StartAsync();
        var (conversation, _) = await host.StartConversationAsync("alice");
        await host.SendTextAsync(conversation, "one");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var socket = await ConnectStreamAsync(host, $"{conversation}/stream?watermark=1", timeout.Token);
        var frame = await ReceiveFrameAsync(socket, timeout.Token);

        Assert.Equal("got: one", Assert.Single(frame["activities"]!.AsArray())!["text"]!.GetValue<string>());
        Assert.Equal("2", frame["watermark"]!.GetValue<string>());
    }

    [Fact]
    public async Task Stream_when_closed_leaves_no_waiter_behind_for_its_room()
    {
        await using var host = await DirectLineHost.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var socket = await OpenWaitingStreamAsync(host, timeout.Token);
        var signals = host.Get<ServiceDesk.Bot.Channels.DirectLine.DirectLineSignals>();
        Assert.Equal(1, signals.Waiting);

        await CloseAndAwaitStreamEndAsync(socket, signals, timeout.Token);

        Assert.Equal(0, signals.Waiting); // the room gets no more appends: a waiter kept would stay for good
    }

    [Fact]
    public async Task Stream_when_client_closes_ends_without_throwing()
    {
        await using var host = await DirectLineHost.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var socket = await OpenWaitingStreamAsync(host, timeout.Token);
        var signals = host.Get<ServiceDesk.Bot.Channels.DirectLine.DirectLineSignals>();
        var thrown = new List<string>();
        void Record(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e)
        {
            // this process runs other tests at the same time: count only what a stream throws
            if (e.Exception.StackTrace?.Contains(nameof(ServiceDesk.Bot.Channels.DirectLine.DirectLineStream), StringComparison.Ordinal) == true)
                lock (thrown) thrown.Add(e.Exception.GetType().Name);
        }

        AppDomain.CurrentDomain.FirstChanceException += Record;
        try
        {
            await CloseAndAwaitStreamEndAsync(socket, signals, timeout.Token);
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Record;
        }

        Assert.Equal(0, signals.Waiting);
        Assert.Empty(thrown); // every conversation's stream ends this way: a thrown cancellation each was ~300 a second at 1,000 turns/s
    }

    [Fact]
    public async Task Stream_when_it_sent_a_frame_tells_the_store_what_it_delivered()
    {
        var store = new DeliveryRecordingStore();
        await using var host = await DirectLineHost.StartAsync(store: store);
        var (conversation, _) = await host.StartConversationAsync("alice");
        await host.SendTextAsync(conversation, "one");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var socket = await ConnectStreamAsync(host, $"{conversation}/stream", timeout.Token);
        var frame = await ReceiveFrameAsync(socket, timeout.Token);

        Assert.Equal("2", frame["watermark"]!.GetValue<string>());
        while (!store.Delivered.Any(d => d.Sequence == 2) && !timeout.IsCancellationRequested)
            await Task.Delay(10, timeout.Token); // reported just after the send returns
        Assert.Equal([0L, 2L], store.Delivered.Select(d => d.Sequence)); // where it started, then what it sent
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
    }

    /// <summary>A conversation with one bot reply and its stream, which has sent it and now waits for the room's next append.</summary>
    private static async Task<WebSocket> OpenWaitingStreamAsync(DirectLineHost host, CancellationToken ct)
    {
        var (conversation, _) = await host.StartConversationAsync("alice");
        await host.SendTextAsync(conversation, "one");
        var socket = await ConnectStreamAsync(host, $"{conversation}/stream", ct);
        await ReceiveFrameAsync(socket, ct);
        return socket;
    }

    /// <summary>Closes the client's side and waits until the server's side has let go of its room (a moment after the handshake).</summary>
    private static async Task CloseAndAwaitStreamEndAsync(WebSocket socket, ServiceDesk.Bot.Channels.DirectLine.DirectLineSignals signals, CancellationToken ct)
    {
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, ct);
        socket.Dispose();
        while (signals.Waiting > 0 && !ct.IsCancellationRequested)
            await Task.Delay(10, ct);
    }

    private static Task<WebSocket> ConnectStreamAsync(DirectLineHost host, string path, CancellationToken ct) =>
        host.Server.CreateWebSocketClient().ConnectAsync(new Uri(host.Server.BaseAddress, "/v3/directline/conversations/" + path), ct);

    private static async Task<JsonObject> ReceiveFrameAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, ct);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!.AsObject();
    }
}
