using System.Text;
using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Core.Tests.Harness;

/// <summary>
/// Plays a conversation script against a <see cref="TestDesk"/>. Lines:
/// <code>
/// alice > my printer is broken          alice writes in her private chat
/// lena@l1-team > claim SD-1             lena writes in the l1-team group
/// lena@l1-team#7 > on my way            … in thread 7 of that group
/// lena@l1-team#SD-1 > on my way         … under the latest card of SD-1 in that group
/// alice > [Yes, it's fixed]             alice presses the button with that label on the last message she got
/// alice < Ticket SD-1 is open           the next message delivered to alice's chat contains this text
/// l1-team < 🎫 SD-1 {Claim|Escalate}    … and has exactly these buttons
/// ! advance 2h  /  ! restart            move the fake clock / rebuild the services over the same database
/// ! intake alice > text                 alice goes through the whole intake (incident, "other", medium × medium);
///                                       only its last message, the ticket's key, stays to be expected
/// # comment
/// </code>
/// Every delivered message must be expected, in order per conversation: a message nobody expected fails the script.
/// </summary>
public sealed class Transcript(TestDesk desk)
{
    private readonly Dictionary<string, Queue<OutboundMessage>> _inbox = [];
    private readonly Dictionary<string, OutboundMessage> _last = [];
    private int _seen;

    public async Task PlayAsync(string script)
    {
        var lineNo = 0;
        foreach (var raw in script.Split('\n'))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            try
            {
                await StepAsync(line);
            }
            catch (Exception ex) when (ex is not TranscriptException)
            {
                throw new TranscriptException($"line {lineNo}: {line}\n{ex.Message}\n{Pending()}", ex);
            }
        }
        Collect();
        var left = _inbox.Where(kv => kv.Value.Count > 0).ToList();
        if (left.Count > 0) throw new TranscriptException($"end of script: unexpected messages\n{Pending()}");
    }

    private async Task StepAsync(string line)
    {
        if (line.StartsWith('!'))
        {
            var parts = line[1..].Trim().Split(' ', 2);
            switch (parts[0])
            {
                case "advance":
                    desk.Clock.Advance(ParseSpan(parts[1]));
                    return;
                case "restart":
                    await desk.RestartAsync();
                    return;
                case "intake":
                    await IntakeAsync(parts[1]);
                    return;
                default:
                    throw new TranscriptException($"unknown directive {line}");
            }
        }
        var send = line.IndexOf(" > ", StringComparison.Ordinal);
        var expect = line.IndexOf(" < ", StringComparison.Ordinal);
        if (send > 0 && (expect < 0 || send < expect))
        {
            AssertNothingPending(line);
            var who = line[..send].Trim();
            var text = line[(send + 3)..];
            var (sender, conversation, thread) = ParseWho(who);
            if (thread is not null && !thread.All(char.IsAsciiDigit))
                thread = desk.Channel.Delivered.LastOrDefault(d => d.Message.To.ConversationId == conversation && d.Message.TicketKey == thread && d.Message.Card is not null).Id
                    ?? throw new TranscriptException($"no card of {thread} in {conversation} to reply under");
            if (text.StartsWith('[') && text.EndsWith(']'))
            {
                var label = text[1..^1];
                var source = _last.TryGetValue(conversation, out var last) ? last : throw new TranscriptException($"{conversation} has no message with buttons");
                var button = source.Buttons.FirstOrDefault(b => b.Label == label)
                    ?? throw new TranscriptException($"no button '{label}' on the last message to {conversation}: {string.Join(", ", source.Buttons.Select(b => b.Label))}");
                await desk.SendAsync(sender, conversation, null, button.Value, threadId: thread);
            }
            else
            {
                await desk.SendAsync(sender, conversation, text, threadId: thread);
            }
            Collect();
            return;
        }
        if (expect > 0)
        {
            var conversation = line[..expect].Trim();
            var expected = line[(expect + 3)..];
            string? buttons = null;
            var b = expected.LastIndexOf(" {", StringComparison.Ordinal);
            if (b >= 0 && expected.EndsWith('}'))
            {
                buttons = expected[(b + 2)..^1];
                expected = expected[..b];
            }
            Collect();
            if (!_inbox.TryGetValue(conversation, out var q) || q.Count == 0)
                throw new TranscriptException($"expected a message to {conversation} containing «{expected}», but none came");
            var actual = q.Dequeue();
            var flat = Flatten(actual.Text);
            if (!flat.Contains(expected, StringComparison.Ordinal))
                throw new TranscriptException($"message to {conversation}:\n  «{flat}»\ndoes not contain\n  «{expected}»");
            if (buttons is not null)
            {
                var labels = string.Join("|", actual.Buttons.Select(x => x.Label));
                if (labels != buttons) throw new TranscriptException($"message to {conversation} has buttons {{{labels}}}, expected {{{buttons}}}");
            }
            return;
        }
        throw new TranscriptException($"cannot read line: {line}");
    }

    /// <summary>Runs the intake with fixed answers; drops the requester's intake messages except the last one.</summary>
    private async Task IntakeAsync(string spec)
    {
        var split = spec.IndexOf(" > ", StringComparison.Ordinal);
        var who = spec[..split].Trim();
        AssertNothingPending("! intake " + spec);
        await desk.OpenTicketAsync(who, spec[(split + 3)..]);
        Collect();
        if (_inbox.TryGetValue(who, out var q))
            while (q.Count > 1) q.Dequeue();
    }

    private void AssertNothingPending(string line)
    {
        Collect();
        if (_inbox.Any(kv => kv.Value.Count > 0))
            throw new TranscriptException($"before «{line}»: messages nobody expected\n{Pending()}");
    }

    /// <summary>Multi-line texts are compared with their line breaks shown as " / ".</summary>
    public static string Flatten(string text) => text.Replace("\r", "").Replace("\n", " / ");

    private void Collect()
    {
        var all = desk.Channel.Delivered;
        for (; _seen < all.Count; _seen++)
        {
            var m = all[_seen].Message;
            var key = m.To.ConversationId;
            if (!_inbox.TryGetValue(key, out var q)) _inbox[key] = q = new Queue<OutboundMessage>();
            q.Enqueue(m);
            if (m.Buttons.Count > 0) _last[key] = m;
        }
    }

    private string Pending()
    {
        var sb = new StringBuilder();
        foreach (var (conv, q) in _inbox)
            foreach (var m in q)
                sb.Append($"  {conv} < {Flatten(m.Text)}{(m.Buttons.Count > 0 ? " {" + string.Join("|", m.Buttons.Select(b => b.Label)) + "}" : "")}\n");
        return sb.Length == 0 ? "(no undelivered expectations)" : "pending messages:\n" + sb;
    }

    private static (string Sender, string Conversation, string? Thread) ParseWho(string who)
    {
        var at = who.IndexOf('@');
        if (at < 0) return (who, who, null);
        var conv = who[(at + 1)..];
        var hash = conv.IndexOf('#');
        return hash < 0 ? (who[..at], conv, null) : (who[..at], conv[..hash], conv[(hash + 1)..]);
    }

    private static TimeSpan ParseSpan(string s)
    {
        var n = double.Parse(s[..^1], System.Globalization.CultureInfo.InvariantCulture);
        return s[^1] switch
        {
            'd' => TimeSpan.FromDays(n),
            'h' => TimeSpan.FromHours(n),
            'm' => TimeSpan.FromMinutes(n),
            's' => TimeSpan.FromSeconds(n),
            _ => throw new TranscriptException($"bad time span {s} (use 15m, 2h, 3d)"),
        };
    }
}

public sealed class TranscriptException(string message, Exception? inner = null) : Exception(message, inner);
