using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ServiceDesk.Bench.Intake;

namespace ServiceDesk.Bench.DirectLine;

/// <summary>
/// One simulated employee, as Web Chat would behave: starts a Direct Line conversation, listens on its WebSocket,
/// types the problem, then presses "Not that" and the first sensible button of each question until the bot names a
/// ticket. Each turn's latency is from posting the activity to the first bot activity after it.
/// </summary>
public sealed class BenchConversation(HttpClient http, string baseUrl, string userId, BenchOptions options)
{
    private readonly Channel<JsonObject> _inbox = Channel.CreateUnbounded<JsonObject>();
    private string _conversationId = "";
    private string _token = "";

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
        _token = started["token"]!.GetValue<string>();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(started["streamUrl"]!.GetValue<string>()), ct);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var receiving = ReceiveAsync(socket, stop.Token);
        try
        {
            var next = new JsonObject { ["text"] = options.Problem };
            for (var turn = 0; turn < options.MaxTurns && TicketKey is null; turn++)
            {
                if (pacer is not null)
                    await pacer.NextTurnAsync(ct);
                var turnStarted = Stopwatch.GetTimestamp();
                var bot = await TurnAsync(next, turns, posts, ct);
                var text = string.Join("\n", bot.Select(a => a["text"]?.GetValue<string>() ?? ""));
                if (IntakeChoices.TicketKey().Match(text) is { Success: true } key)
                {
                    TicketKey = key.Value;
                    TicketTurnStartedAt = turnStarted;
                }

                if (TicketKey is not null)
                    break;
                if (options.Think > TimeSpan.Zero)
                    await Task.Delay(options.Think, ct);
                next = Choose(bot) is { } action
                    ? new JsonObject { ["text"] = action.Label, ["value"] = action.Value?.DeepClone(), ["channelData"] = new JsonObject { ["messageBack"] = new JsonObject { ["displayText"] = action.Label } } }
                    : new JsonObject { ["text"] = "My laptop, office 3" };
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

            await stop.CancelAsync();
            await receiving;
        }
    }

    private async Task<List<JsonObject>> TurnAsync(JsonObject activity, LatencyRecorder turns, LatencyRecorder posts, CancellationToken ct)
    {
        activity["type"] = "message";
        activity["from"] = new JsonObject { ["id"] = userId };
        var channelData = activity["channelData"] as JsonObject ?? new JsonObject();
        channelData["clientActivityID"] = Guid.NewGuid().ToString("N");
        activity["channelData"] = channelData;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/v3/directline/conversations/{_conversationId}/activities")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", _token);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        posts.Add(started);

        var bot = new List<JsonObject>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.TurnTimeout);
        while (true)
        {
            JsonObject next;
            if (bot.Count == 0)
            {
                try
                {
                    next = await _inbox.Reader.ReadAsync(timeout.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    throw new TimeoutException($"no bot reply within {options.TurnTimeout.TotalSeconds:F0} s to {activity.ToJsonString()} (POST answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}) in conversation {_conversationId}");
                }
            }
            else
            {
                // the rest of this turn's messages: until one carries buttons or a ticket, or the bot goes quiet
                using var quiet = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
                quiet.CancelAfter(TimeSpan.FromMilliseconds(100));
                try
                {
                    next = await _inbox.Reader.ReadAsync(quiet.Token);
                }
                catch (OperationCanceledException) when (!timeout.IsCancellationRequested)
                {
                    return bot;
                }
            }

            if (next["from"]?["role"]?.GetValue<string>() != "bot")
                continue;
            if (bot.Count == 0)
                turns.Add(started);
            bot.Add(next);
            if (Buttons(next).Count > 0 || IntakeChoices.TicketKey().IsMatch(next["text"]?.GetValue<string>() ?? ""))
                return bot;
        }
    }

    private static (string Label, JsonNode? Value)? Choose(List<JsonObject> bot)
    {
        var buttons = bot.SelectMany(Buttons).ToList();
        var pick = IntakeChoices.Pick(buttons.Select(b => b.Label).ToList());
        return pick < 0 ? null : buttons[pick];
    }

    private static List<(string Label, JsonNode? Value)> Buttons(JsonObject activity)
    {
        var actions = new List<JsonNode?>();
        if (activity["suggestedActions"]?["actions"] is JsonArray suggested)
            actions.AddRange(suggested);
        if (activity["attachments"] is JsonArray attachments)
            actions.AddRange(attachments.SelectMany(a => a?["content"]?["buttons"] as JsonArray ?? []));
        return actions.OfType<JsonObject>()
            .Select(a => (a["title"]?.GetValue<string>() ?? "", a["value"]))
            .ToList();
    }

    private async Task ReceiveAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
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
                var frame = JsonNode.Parse(message.ToArray())!.AsObject();
                message.SetLength(0);
                foreach (var activity in frame["activities"]!.AsArray().OfType<JsonObject>())
                    await _inbox.Writer.WriteAsync(activity, ct);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
    }
}
