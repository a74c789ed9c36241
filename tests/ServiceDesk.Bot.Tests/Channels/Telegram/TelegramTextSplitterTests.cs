using ServiceDesk.Bot.Channels.Telegram.Mapping;

namespace ServiceDesk.Bot.Tests.Channels.Telegram;

public sealed class TelegramTextSplitterTests
{
    [Fact]
    public void Split_when_text_is_4097_chars_without_spaces_gives_4096_and_1()
    {
        var parts = TelegramTextSplitter.Split(new string('a', 4097));

        Assert.Equal([4096, 1], parts.Select(p => p.Length));
    }

    [Fact]
    public void Split_when_text_fits_returns_it_whole()
    {
        Assert.Equal(["short text"], TelegramTextSplitter.Split("short text"));
    }

    [Fact]
    public void Split_when_paragraphs_exist_cuts_at_the_last_paragraph_break()
    {
        var first = new string('a', 3000);
        var second = new string('b', 900) + "\n" + new string('c', 900);

        var parts = TelegramTextSplitter.Split(first + "\n\n" + second);

        Assert.Equal([first, second], parts);
    }

    [Fact]
    public void Split_when_only_words_cuts_at_a_space_and_loses_no_word()
    {
        var words = Enumerable.Range(0, 2000).Select(i => $"word{i}").ToList();

        var parts = TelegramTextSplitter.Split(string.Join(' ', words));

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, 4096));
        Assert.Equal(words, parts.SelectMany(p => p.Split(' ')));
    }

    [Fact]
    public void Split_when_cut_falls_inside_a_surrogate_pair_keeps_the_pair_together()
    {
        var text = new string('a', 4095) + "😀" + "tail";

        var parts = TelegramTextSplitter.Split(text);

        Assert.Equal(new string('a', 4095), parts[0]);
        Assert.StartsWith("😀", parts[1]);
    }

    [Fact]
    public void Split_when_first_part_has_less_room_respects_both_limits()
    {
        var parts = TelegramTextSplitter.Split(new string('x', 5000), 4096, firstLimit: 1000);

        Assert.Equal([1000, 4000], parts.Select(p => p.Length));
    }
}
