using System.Text;
using ServiceDesk.Bot.Channels.Telegram.Mapping;
using ServiceDesk.Bot.Channels.Telegram.State;
using ServiceDesk.Bot.Tests.Channels.Telegram.Fake;
using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bot.Tests.Channels.Telegram;

public sealed class TelegramMessageRendererTests
{
    private readonly InMemoryTelegramStateStore _store = new();

    private static OutboundMessage Message(string text, params MessageButton[] buttons) =>
        new() { To = new ConversationAddress("telegram", "1"), Text = text, Buttons = buttons };

    [Fact]
    public void Escape_when_text_has_markup_characters_escapes_exactly_those()
    {
        Assert.Equal("a &lt;b&gt; &amp; c \"d\" 'e'", TelegramHtml.Escape("a <b> & c \"d\" 'e'"));
    }

    [Fact]
    public async Task Render_when_text_has_markup_characters_gives_html_telegram_parses_back_to_the_text()
    {
        const string text = "if a < b && c > d then <script>alert(1)</script> &amp;";

        var rendered = await TelegramMessageRenderer.RenderAsync(Message(text), _store, default);

        Assert.Equal(text, FakeHtml.Parse(Assert.Single(rendered.Parts)));
    }

    [Fact]
    public async Task Render_when_escaped_text_is_long_splits_by_visible_length_and_never_inside_an_escape()
    {
        var text = string.Concat(Enumerable.Repeat("<&>", 2000)); // 6000 visible, 18000 escaped

        var rendered = await TelegramMessageRenderer.RenderAsync(Message(text), _store, default);

        var visible = rendered.Parts.Select(p => FakeHtml.Parse(p)).ToList();
        Assert.All(visible, v => Assert.InRange(v!.Length, 1, 4096));
        Assert.Equal(text, string.Concat(visible));
    }

    [Fact]
    public async Task Render_when_card_has_no_text_renders_its_fields_with_a_bold_header()
    {
        var card = new TicketCard("SD-12", "VPN <down>", "New", "P2", "L1", null, "Ada", "respond by 10:30");

        var rendered = await TelegramMessageRenderer.RenderAsync(Message("") with { Card = card }, _store, default);

        var html = Assert.Single(rendered.Parts);
        Assert.StartsWith("<b>SD-12 · VPN &lt;down&gt;</b>\n", html);
        var visible = FakeHtml.Parse(html)!;
        Assert.Contains("P2 · L1 · New", visible);
        Assert.Contains("Ada", visible);
        Assert.Contains("respond by 10:30", visible);
    }

    [Fact]
    public async Task Render_when_card_has_the_engines_text_bolds_its_first_line_and_adds_nothing()
    {
        var card = new TicketCard("SD-12", "VPN <down>", "New", "P2", "L1", null, "Ada", null);
        const string text = "🎫 SD-12 [P2] VPN <down>\nNew · L1 · unassigned · from Ada & co";

        var rendered = await TelegramMessageRenderer.RenderAsync(Message(text) with { Card = card }, _store, default);

        var html = Assert.Single(rendered.Parts);
        Assert.Equal("<b>🎫 SD-12 [P2] VPN &lt;down&gt;</b>\nNew · L1 · unassigned · from Ada &amp; co", html);
        Assert.Equal(text, FakeHtml.Parse(html));
    }

    [Fact]
    public async Task Render_when_card_and_long_text_keeps_every_part_within_4096_visible()
    {
        var card = new TicketCard("SD-1", "t", "New", "P4", "L1", null, "Ada", null);

        var rendered = await TelegramMessageRenderer.RenderAsync(Message("🎫 SD-1\n" + new string('z', 5000)) with { Card = card }, _store, default);

        Assert.Equal(2, rendered.Parts.Count);
        Assert.All(rendered.Parts, p => Assert.InRange(FakeHtml.Parse(p)!.Length, 1, 4096));
    }

    [Fact]
    public async Task Render_when_buttons_puts_values_as_callback_data()
    {
        var rendered = await TelegramMessageRenderer.RenderAsync(
            Message("card", new("Claim", "claim SD-12"), new("Escalate", "escalate SD-12"), new("Resolve", "resolve SD-12")), _store, default);

        var rows = rendered.Keyboard!.InlineKeyboard;
        Assert.Equal(["claim SD-12", "escalate SD-12", "resolve SD-12"], rows.SelectMany(r => r).Select(b => b.CallbackData));
        Assert.Equal(["Claim", "Escalate", "Resolve"], rows.SelectMany(r => r).Select(b => b.Text));
    }

    [Fact]
    public async Task CallbackData_when_value_is_64_bytes_sends_it_as_is()
    {
        var value = new string('ё', 32);
        Assert.Equal(64, Encoding.UTF8.GetByteCount(value));

        Assert.Equal(value, await TelegramCallbackData.EncodeAsync(value, _store, default));
    }

    [Fact]
    public async Task CallbackData_when_value_is_66_bytes_sends_a_short_token_that_resolves_back()
    {
        var value = new string('ё', 33);

        var data = await TelegramCallbackData.EncodeAsync(value, _store, default);

        Assert.NotEqual(value, data);
        Assert.InRange(Encoding.UTF8.GetByteCount(data), 1, 64);
        Assert.Equal(value, await TelegramCallbackData.DecodeAsync(data, _store, default));
    }

    [Fact]
    public async Task CallbackData_when_token_was_never_issued_resolves_to_nothing()
    {
        Assert.Null(await TelegramCallbackData.DecodeAsync(CallbackToken.For("never stored"), _store, default));
    }

    [Fact]
    public async Task CallbackData_when_plain_value_looks_like_a_token_is_stored_too()
    {
        var value = CallbackToken.For("x");

        var data = await TelegramCallbackData.EncodeAsync(value, _store, default);

        Assert.Equal(value, await TelegramCallbackData.DecodeAsync(data, _store, default));
    }
}
