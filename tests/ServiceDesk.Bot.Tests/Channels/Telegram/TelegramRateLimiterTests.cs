using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Channels.Telegram;
using ServiceDesk.Bot.Channels.Telegram.Sending;

namespace ServiceDesk.Bot.Tests.Channels.Telegram;

public sealed class TelegramRateLimiterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static TelegramRateLimiter Limiter(double perChat = 1, int perGroup = 20, double global = 30) =>
        new(Options.Create(new TelegramOptions { RateLimits = new() { PerChatPerSecond = perChat, PerGroupPerMinute = perGroup, GlobalPerSecond = global } }),
            TimeProvider.System);

    [Fact]
    public void Reserve_when_same_chat_twice_queues_the_second_a_second_later()
    {
        var limiter = Limiter();

        Assert.Equal(T0, limiter.Reserve(42, T0));
        Assert.Equal(T0.AddSeconds(1), limiter.Reserve(42, T0));
        Assert.Equal(T0.AddSeconds(2), limiter.Reserve(42, T0));
    }

    [Fact]
    public void Reserve_when_many_chats_spaces_them_by_the_global_limit()
    {
        var limiter = Limiter(global: 30);

        var slots = Enumerable.Range(1, 31).Select(chat => limiter.Reserve(chat, T0)).ToList();

        Assert.Equal(T0, slots[0]);
        Assert.True(slots[30] >= T0.AddSeconds(0.99), $"31st slot {slots[30]:O}");
        Assert.Equal(slots.Order(), slots);
    }

    [Fact]
    public void Reserve_when_group_has_had_20_in_a_minute_waits_for_the_window()
    {
        var limiter = Limiter(perChat: 100, global: 100);

        var slots = Enumerable.Range(0, 21).Select(_ => limiter.Reserve(-100, T0)).ToList();

        Assert.True(slots[19] < T0.AddSeconds(1));
        Assert.Equal(slots[0].AddMinutes(1), slots[20]);
    }

    [Fact]
    public void Reserve_when_private_chats_sends_more_than_20_a_minute_is_not_held_by_the_group_limit()
    {
        var limiter = Limiter(perChat: 100, global: 100);

        var slots = Enumerable.Range(0, 21).Select(_ => limiter.Reserve(100, T0)).ToList();

        Assert.True(slots[20] < T0.AddSeconds(1));
    }

    [Fact]
    public void Reserve_when_time_has_passed_sends_at_once()
    {
        var limiter = Limiter();
        limiter.Reserve(42, T0);

        Assert.Equal(T0.AddSeconds(5), limiter.Reserve(42, T0.AddSeconds(5)));
    }
}
