using ServiceDesk.Core.Configuration;

namespace ServiceDesk.Core.Tests.Configuration;

public sealed class ServiceDeskOptionsValidatorTests
{
    [Fact]
    public void Validator_when_settings_are_wrong_names_each_setting()
    {
        var options = new ServiceDeskOptions
        {
            TicketPrefix = "S D",
            DefaultLanguage = "de",
            Database = new DatabaseOptions { Provider = "Oracle" },
            Lines = { ["L4"] = new LineOptions(), ["L1"] = new LineOptions { TeamChannel = "nochannel", Members = ["ghost"] } },
            Managers = ["nobody"],
            Api = { Keys = ["a-good-key", " "] },
            MessagesPerMinute = 3,
        };
        var result = new ServiceDeskOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        foreach (var setting in new[] { "ServiceDesk:TicketPrefix", "ServiceDesk:DefaultLanguage", "ServiceDesk:Database:Provider", "ServiceDesk:Lines:L4",
                     "ServiceDesk:Lines:L1:TeamChannel", "ServiceDesk:Lines:L1:Members 'ghost'", "ServiceDesk:Managers 'nobody'", "ServiceDesk:Api:Keys:1 is empty", "ServiceDesk:MessagesPerMinute '3'" })
            Assert.Contains(result.Failures!, f => f.Contains(setting, StringComparison.Ordinal));
    }

    [Fact]
    public void Validator_when_retention_is_unworkable_names_each_setting()
    {
        var options = new ServiceDeskOptions
        {
            Retention = new RetentionOptions
            {
                Interval = TimeSpan.Zero, ProcessedMessages = TimeSpan.FromHours(1), SentOutbox = TimeSpan.FromDays(-1), BatchSize = 0,
                ChannelSessions = TimeSpan.FromHours(2), ChannelButtons = TimeSpan.FromDays(-3),
            },
        };
        var result = new ServiceDeskOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        foreach (var setting in new[] { "Retention:Interval", "Retention:ProcessedMessages '01:00:00' must be 0 (keep) or at least a day", "Retention:SentOutbox", "Retention:BatchSize", "Retention:ChannelSessions '02:00:00'", "Retention:ChannelButtons" })
            Assert.Contains(result.Failures!, f => f.Contains(setting, StringComparison.Ordinal));
        Assert.DoesNotContain(result.Failures!, f => f.Contains("WebTranscripts", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("10.00:00:00", 14, false)] // tickets still inside the reopen window would lose their texts
    [InlineData("12:00:00", 0, false)]
    [InlineData("-1.00:00:00", 14, false)]
    [InlineData("15.00:00:00", 14, true)]
    [InlineData("00:00:00", 14, true)]
    public void Validator_when_closed_tickets_retention_is_set_wants_0_or_longer_than_the_reopen_window(string retention, int reopenDays, bool valid)
    {
        var options = new ServiceDeskOptions { ReopenWindowDays = reopenDays, Retention = new RetentionOptions { ClosedTicketsPersonalData = TimeSpan.Parse(retention, System.Globalization.CultureInfo.InvariantCulture) } };
        var result = new ServiceDeskOptionsValidator().Validate(null, options);
        Assert.Equal(valid, result.Succeeded);
        if (!valid) Assert.Contains(result.Failures!, f => f.Contains("Retention:ClosedTicketsPersonalData", StringComparison.Ordinal));
    }

    [Fact]
    public void Validator_when_settings_are_the_defaults_succeeds() =>
        Assert.True(new ServiceDeskOptionsValidator().Validate(null, new ServiceDeskOptions()).Succeeded);
}
