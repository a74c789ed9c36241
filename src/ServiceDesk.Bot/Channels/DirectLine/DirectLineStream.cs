using System.Buffers;
using System.Net.WebSockets;
using Microsoft.Extensions.Options;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>
/// The WebSocket stream of a conversation: a <c>{activities, watermark}</c> text frame whenever the room has
/// activities after the watermark. Woken by local appends (then read from the store's memory of its recent
/// activities), and re-reads the store on a timer for other replicas.
/// The client's empty keep-alive frames are read and ignored.
/// </summary>
public sealed class DirectLineStream(
    IDirectLineStore store,
    DirectLineSignals signals,
    IOptions<WebChatOptions> options,
    ILogger<DirectLineStream> logger)
{
    public async Task RunAsync(WebSocket socket, DirectLineConversation conversation, long after, CancellationToken requestAborted)
    {
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        var receive = DrainAsync(socket, closed);
        var ct = closed.Token;
        var woken = false;
        IRoomWatch? watch = null; // taken once the conversation has its room
        try
        {
            while (!ct.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                if (!conversation.IsBound)
                {
                    var wake = signals.NextAsync(DirectLineSignals.ConversationKey(conversation.Id));
                    conversation = await store.FindConversationAsync(conversation.Id, ct) ?? conversation;
                    if (!conversation.IsBound)
                    {
                        await WaitAsync(wake, ct);
                        continue;
                    }

                    after = Math.Max(after, conversation.BaseSequence);
                }

                var room = conversation.Room!;
                if (watch is null)
                {
                    watch = store.Watch(room);
                    watch.Delivered(after);
                }

                var next = signals.NextAsync(DirectLineSignals.RoomKey(room));
                IReadOnlyList<StoredActivity> items;
                try
                {
                    // woken by an append of this process: its recent activities are in memory; otherwise (a timer,
                    // the first read) ask the store, which also has what other replicas appended
                    if (!(woken && store.TryReadRecent(room, after, options.Value.MaxActivitiesPerRead, out items)))
                        items = await store.ReadAsync(room, after, options.Value.MaxActivitiesPerRead, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Direct Line stream of {ConversationId} could not read; trying again", conversation.Id);
                    woken = await WaitAsync(next, ct);
                    continue;
                }

                if (items.Count > 0)
                {
                    var (frame, length) = DirectLineActivities.RentFrame(items, after);
                    try
                    {
                        await socket.SendAsync(frame.AsMemory(0, length), WebSocketMessageType.Text, endOfMessage: true, ct);
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(frame);
                    }
                    after = items[^1].Sequence;
                    watch.Delivered(after);
                    continue;
                }

                woken = await WaitAsync(next, ct);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            logger.LogDebug("Direct Line stream of {ConversationId} ended: {Reason}", conversation.Id, e.Message);
        }
        finally
        {
            watch?.Dispose();
            // give up the waits: a key nobody notifies again (a finished conversation) would keep its waiter for good;
            // another stream waiting on the same key wakes, reads, and waits anew
            signals.Notify(DirectLineSignals.ConversationKey(conversation.Id));
            if (watch is not null) signals.Notify(DirectLineSignals.RoomKey(conversation.Room!));
            await closed.CancelAsync();
            await receive;
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                try
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                }
                catch (WebSocketException)
                {
                }
            }
        }
    }

    /// <summary>
    /// Waits for a signal or the poll interval; true when the signal came. The timer goes as soon as the signal comes
    /// (a <c>Task.Delay</c> per wait stayed queued for the whole interval: ~1,000 live timers at 1,000 turns/s, each one
    /// surviving a garbage collection). A closed stream returns without throwing: the loop sees the cancellation, and
    /// every conversation's stream ends this way.
    /// </summary>
    private async Task<bool> WaitAsync(Task wake, CancellationToken ct)
    {
        await wake.WaitAsync(options.Value.StreamPollInterval, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return wake.IsCompleted && !ct.IsCancellationRequested;
    }

    /// <summary>Reads (and drops) what the client sends until it closes, then cancels the sending loop.</summary>
    private static async Task DrainAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (!closed.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, closed.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            await closed.CancelAsync();
        }
    }
}
