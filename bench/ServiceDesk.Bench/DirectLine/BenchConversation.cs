using System.Buffers;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ServiceDesk.Bench.Intake;

namespace ServiceDesk.Bench.DirectLine;

/// <summary>
/// One simulated employee, as Web Chat would behave: starts a Direct Line conversation, listens on its WebSocket,
/// types the problem, then presses "Not that" and the first sensible button of each question until the bot names a
/// ticket. Each turn's latency is from posting the activity to the first bot activity after it.
/// It shares the two cores with the service, so it reads frames with <see cref="JsonDocument"/> (pooled memory, only the
/// fields it uses) and writes its activities with <see cref="Utf8JsonWriter"/> instead of building JSON trees.
/// </summary>
public sealed class BenchConversation(HttpClient http, string baseUrl, string userId, BenchOptions options)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly Channel<BenchActivity> _inbox = Channel.CreateUnbounded<BenchActivity>();
    private string _conversationId = "";
    private Uri? _activities;
    private AuthenticationHeaderValue? _authorization;

    public string? TicketKey { get; private set; }

    /// <summary>When the turn that brought the ticket key started (a <see cref="Stopwatch"/> timestamp).</summary>
    public long TicketTurnStartedAt { get; private set; }

    /// <param name="pacer">A paced user's timeline (each turn waits for its time); without one, turns follow each other.</param>
    public async Task RunAsync(LatencyRecorder turns, LatencyRecorder posts, CancellationToken ct, Pacer? pacer = null)
    {
        var start = await http.PostAsJsonAsync($"{baseUrl}/v3/directline/conversations", new { user = new { id = userId }, locale = "en-US" }, ct);
        start.EnsureSuccessStatusCode();
        var started = (await start.Content.ReadFromJsonAsync<JsonObject>(ct))!;
        _conversationId = started["conversationId"]!.GetValue<string>();
        _activities = new Uri($"{baseUrl}/v3/directline/conversations/{_conversationId}/activities");
        _authorization = new AuthenticationHeaderValue("Bearer", started["token"]!.GetValue<string>());
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(started["streamUrl"]!.GetValue<string>()), ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var receiving = ReceiveAsync(socket, stop.Token);
        try
        {
            var next = new BenchButton(options.Problem, null); // what to send: typed text (no value), or a pressed button
            for (var turn = 0; turn < options.MaxTurns && TicketKey is null; turn++)
            {
                if (pacer is not null)
                    await pacer.NextTurnAsync(ct);
                var turnStarted = Stopwatch.GetTimestamp();
                var bot = await TurnAsync(next, turns, posts, ct);
                var text = string.Join("\n", bot.Select(a => a.Text));
                if (IntakeChoices.TicketKey().Match(text) is { Success: true } key)
                {
                    TicketKey = key.Value;
                    TicketTurnStartedAt = turnStarted;
                }

                if (TicketKey is not null)
                    break;
                if (options.Think > TimeSpan.Zero)
                    await Task.Delay(options.Think, ct);
                next = Choose(bot) ?? new BenchButton("My laptop, office 3", null);
            }
        }
        finally
        {
            // close first: cancelling the pending receive aborts the socket, and closing an aborted socket throws
            try
            {
                if (socket.State == WebSocketState.Open)
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            catch (WebSocketException)
            {
            }

            // the service answers the close, which ends the receiving loop; cancelling it instead throws (and costs)
            await receiving.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await stop.CancelAsync();
            await receiving;
        }
    }

    private async Task<List<BenchActivity>> TurnAsync(BenchButton send, LatencyRecorder turns, LatencyRecorder posts, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _activities) { Content = Activity(send) };
        request.Headers.Authorization = _authorization;
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        posts.Add(started);

        var bot = new List<BenchActivity>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.TurnTimeout);
        while (true)
        {
            BenchActivity next;
            if (bot.Count == 0)
            {
                try
                {
                    next = await _inbox.Reader.ReadAsync(timeout.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    throw new TimeoutException($"no bot reply within {options.TurnTimeout.TotalSeconds:F0} s to '{send.Label}' (POST answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}) in conversation {_conversationId}");
                }
            }
            else
            {
                // the rest of this turn's messages: until one carries buttons or a ticket, or the bot goes quiet
                // (waited for without throwing: each thrown cancellation is CPU taken from the cores the service runs on)
                using var quiet = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
                quiet.CancelAfter(TimeSpan.FromMilliseconds(100));
                await ((Task)_inbox.Reader.WaitToReadAsync(quiet.Token).AsTask()).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (!_inbox.Reader.TryRead(out next!))
                {
                    ct.ThrowIfCancellationRequested();
                    return bot;
                }
            }

            if (!next.FromBot)
                continue;
            if (bot.Count == 0)
                turns.Add(started);
            bot.Add(next);
            if (next.Buttons.Count > 0 || IntakeChoices.TicketKey().IsMatch(next.Text))
                return bot;
        }
    }

    private static BenchButton? Choose(List<BenchActivity> bot)
    {
        var buttons = bot.SelectMany(a => a.Buttons).ToList();
        var pick = IntakeChoices.Pick(buttons.Select(b => b.Label).ToList());
        return pick < 0 ? null : buttons[pick];
    }

    /// <summary>
    /// The user's message activity as Web Chat posts it: typed text, or a pressed button (its value, and the label as
    /// <c>messageBack</c> display text), with a fresh <c>clientActivityID</c>.
    /// </summary>
    private ByteArrayContent Activity(BenchButton send)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type"u8, "message"u8);
            json.WriteString("text"u8, send.Label);
            if (send.ValueJson is not null)
            {
                json.WritePropertyName("value"u8);
                json.WriteRawValue(send.ValueJson, skipInputValidation: true);
            }

            json.WriteStartObject("from"u8);
            json.WriteString("id"u8, userId);
            json.WriteEndObject();
            json.WriteStartObject("channelData"u8);
            if (send.ValueJson is not null)
            {
                json.WriteStartObject("messageBack"u8);
                json.WriteString("displayText"u8, send.Label);
                json.WriteEndObject();
            }

            json.WriteString("clientActivityID"u8, Guid.NewGuid().ToString("N"));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = Json;
        return content;
    }

    private async Task ReceiveAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                    continue;
                var activities = BenchActivity.ReadFrame(message.GetBuffer().AsMemory(0, (int)message.Length));
                message.SetLength(0);
                foreach (var activity in activities)
                    await _inbox.Writer.WriteAsync(activity, ct);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
    }
}
