using Microsoft.Extensions.Options;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Tests.Harness;

namespace ServiceDesk.Core.Tests.Conversations;

public sealed class SenderRateLimiterTests
{
    private readonly FakeClock _clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    private SenderRateLimiter Limiter(int perMinute) =>
        new(Options.Create(new ServiceDeskOptions { MessagesPerMinute = perMinute }), _clock);

    [Fact]
    public void Limiter_when_a_sender_exceeds_the_allowance_tells_once_then_refuses_until_it_refills()
    {
        var limiter = Limiter(5);

        var burst = Enumerable.Range(0, 7).Select(_ => limiter.Check("telegram", "42")).ToList();
        _clock.Advance(TimeSpan.FromSeconds(12)); // a fifth of a minute: one message
        var refilled = limiter.Check("telegram", "42");
        var again = limiter.Check("telegram", "42");

        Assert.Equal([.. Enumerable.Repeat(RateVerdict.Allowed, 5), RateVerdict.RefusedTellOnce, RateVerdict.Refused], burst);
        Assert.Equal(RateVerdict.Allowed, refilled);
        Assert.Equal(RateVerdict.RefusedTellOnce, again); // told again after an allowed message
    }

    [Fact]
    public void Limiter_counts_each_sender_of_each_channel_apart()
    {
        var limiter = Limiter(5);
        for (var i = 0; i < 5; i++) limiter.Check("telegram", "42");

        Assert.Equal(RateVerdict.RefusedTellOnce, limiter.Check("telegram", "42"));
        Assert.Equal(RateVerdict.Allowed, limiter.Check("telegram", "43"));
        Assert.Equal(RateVerdict.Allowed, limiter.Check("web", "42"));
    }

    [Fact]
    public void Limiter_when_idle_for_a_minute_allows_a_whole_burst_again_but_no_more()
    {
        var limiter = Limiter(5);
        for (var i = 0; i < 6; i++) limiter.Check("web", "alice");

        _clock.Advance(TimeSpan.FromMinutes(10));

        Assert.All(Enumerable.Range(0, 5), _ => Assert.Equal(RateVerdict.Allowed, limiter.Check("web", "alice")));
        Assert.Equal(RateVerdict.RefusedTellOnce, limiter.Check("web", "alice"));
    }

    [Fact]
    public void Limiter_when_the_limit_is_zero_allows_everything() =>
        Assert.All(Enumerable.Range(0, 1000), _ => Assert.Equal(RateVerdict.Allowed, Limiter(0).Check("web", "alice")));

    [Fact]
    public void Limiter_when_many_senders_are_kept_forgets_the_idle_ones_at_most_once_a_minute()
    {
        var limiter = Limiter(5);
        for (var i = 0; i < 10_001; i++) limiter.Check("telegram", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _clock.Advance(TimeSpan.FromSeconds(30));
        limiter.Check("telegram", "active"); // a sweep: nobody idle for a minute yet
        _clock.Advance(TimeSpan.FromSeconds(40));
        limiter.Check("telegram", "late"); // the first 10,001 are idle now, but a sweep ran 40 s ago

        Assert.Equal(10_003, limiter.Count);
        _clock.Advance(TimeSpan.FromSeconds(30));
        limiter.Check("telegram", "later");
        Assert.Equal(2, limiter.Count); // "late" (idle 30 s) and "later" are kept; the first 10,001 and "active" (idle 70 s) are gone
    }
}
