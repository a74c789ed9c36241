using System.Text;
using ServiceDesk.Bot.Channels.Telegram.Api;
using ServiceDesk.Bot.Channels.Telegram.State;
using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bot.Channels.Telegram.Mapping;

/// <summary>
/// Turns an <see cref="OutboundMessage"/> into HTML parts and an inline keyboard. The text is plain and is
/// escaped here. A ticket card's text (already localized by the engine) gets its first line in bold; a card
/// without text is rendered from its fields.
/// </summary>
public static class TelegramMessageRenderer
{
    private const int ButtonsPerRow = 2;
    private const int MaxTitleLength = 200;

    public static async Task<RenderedMessage> RenderAsync(OutboundMessage message, ITelegramStateStore store, CancellationToken ct)
    {
        var body = message.Text.Trim();
        var (cardHtml, cardVisible) = message.Card is { } card ? CardHeader(card, ref body) : ("", 0);
        var first = cardVisible > 0 ? TelegramTextSplitter.MaxMessageLength - cardVisible - 1 : TelegramTextSplitter.MaxMessageLength;
        var parts = body.Length == 0
            ? new List<string>()
            : TelegramTextSplitter.Split(body, TelegramTextSplitter.MaxMessageLength, first).Select(TelegramHtml.Escape).ToList();
        if (cardVisible > 0)
        {
            if (parts.Count == 0)
                parts.Add(cardHtml);
            else
                parts[0] = cardHtml + "\n" + parts[0];
        }

        if (parts.Count == 0)
            parts.Add("…");
        return new RenderedMessage(parts, await KeyboardAsync(message.Buttons, store, ct));
    }

    /// <summary>The card's bold header (the text's first line) or, with no text, the card rendered from its fields.</summary>
    private static (string Html, int VisibleLength) CardHeader(TicketCard card, ref string body)
    {
        if (body.Length == 0)
            return RenderCard(card);
        var lines = body.Split('\n', 2);
        var header = lines[0].Length > MaxTitleLength * 2 ? lines[0][..(MaxTitleLength * 2)] + "…" : lines[0];
        body = lines.Length > 1 ? lines[1].Trim() : "";
        return (TelegramHtml.Bold(header), header.Length);
    }

    /// <summary>The card as HTML and its visible length (what Telegram counts against 4096).</summary>
    internal static (string Html, int VisibleLength) RenderCard(TicketCard card)
    {
        var title = card.Title.Length > MaxTitleLength ? card.Title[..MaxTitleLength] + "…" : card.Title;
        var lines = new List<(string Plain, bool Bold)>
        {
            ($"{card.Key} · {title}", true),
            ($"{card.Priority} · {card.Line} · {card.Status}", false),
            ($"👤 {card.Assignee ?? "—"} · 🙋 {card.Requester}", false),
        };
        if (!string.IsNullOrWhiteSpace(card.SlaText))
            lines.Add(($"⏱ {card.SlaText}", false));
        var html = new StringBuilder();
        var visible = 0;
        foreach (var (plain, bold) in lines)
        {
            if (html.Length > 0)
            {
                html.Append('\n');
                visible++;
            }

            html.Append(bold ? TelegramHtml.Bold(plain) : TelegramHtml.Escape(plain));
            visible += plain.Length;
        }

        return (html.ToString(), visible);
    }

    private static async Task<InlineKeyboardMarkup?> KeyboardAsync(IReadOnlyList<MessageButton> buttons, ITelegramStateStore store, CancellationToken ct)
    {
        if (buttons.Count == 0)
            return null;
        var rows = new List<IReadOnlyList<InlineKeyboardButton>>();
        var row = new List<InlineKeyboardButton>();
        foreach (var b in buttons)
        {
            var label = string.IsNullOrWhiteSpace(b.Label) ? b.Value : b.Label;
            row.Add(new InlineKeyboardButton(label, await TelegramCallbackData.EncodeAsync(b.Value, store, ct)));
            if (row.Count == ButtonsPerRow || label.Length > 20)
            {
                rows.Add(row);
                row = [];
            }
        }

        if (row.Count > 0)
            rows.Add(row);
        return new InlineKeyboardMarkup(rows);
    }
}
