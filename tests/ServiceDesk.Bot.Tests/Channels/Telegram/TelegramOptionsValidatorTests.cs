using ServiceDesk.Bot.Channels.Telegram;

namespace ServiceDesk.Bot.Tests.Channels.Telegram;

public sealed class TelegramOptionsValidatorTests
{
    private static readonly TelegramOptionsValidator Validator = new();

    [Fact]
    public void Validate_when_no_token_accepts_anything_because_the_channel_is_off()
    {
        Assert.True(Validator.Validate(null, new TelegramOptions { ApiBaseUrl = "nonsense", PollTimeoutSeconds = -4 }).Succeeded);
    }

    [Fact]
    public void Validate_when_settings_are_sound_accepts_them()
    {
        var o = new TelegramOptions { BotToken = "123:abc-DEF_g", Mode = TelegramMode.Webhook, SecretToken = "s3cr3t_Token-1", WebhookUrl = "https://bot.example.com/telegram/webhook" };

        Assert.True(Validator.Validate(null, o).Succeeded);
    }

    [Theory]
    [InlineData("BotToken", "no-colon-token", null, null, "https://api.telegram.org", 30)]
    [InlineData("ApiBaseUrl", "1:a", null, null, "ftp://x", 30)]
    [InlineData("PollTimeoutSeconds", "1:a", null, null, "https://api.telegram.org", 90)]
    [InlineData("SecretToken", "1:a", "Webhook", null, "https://api.telegram.org", 30)]
    [InlineData("SecretToken", "1:a", "Polling", "bad secret!", "https://api.telegram.org", 30)]
    public void Validate_when_a_setting_is_wrong_names_it(string setting, string token, string? mode, string? secret, string api, int timeout)
    {
        var o = new TelegramOptions
        {
            BotToken = token,
            Mode = mode == "Webhook" ? TelegramMode.Webhook : TelegramMode.Polling,
            SecretToken = secret,
            ApiBaseUrl = api,
            PollTimeoutSeconds = timeout,
        };

        var result = Validator.Validate(null, o);

        Assert.True(result.Failed);
        Assert.Contains($"Channels:Telegram:{setting}", result.FailureMessage);
    }

    [Fact]
    public void Validate_when_webhook_url_is_not_https_names_it()
    {
        var o = new TelegramOptions { BotToken = "1:a", WebhookUrl = "http://plain.example.com/hook" };

        Assert.Contains("Channels:Telegram:WebhookUrl", Validator.Validate(null, o).FailureMessage);
    }

    [Theory]
    [InlineData(30, 30)]
    [InlineData(30, 10)]
    [InlineData(0, 0)]
    [InlineData(30, 7200)]
    public void Validate_when_the_polling_claim_does_not_outlast_a_long_poll_names_it(int pollTimeout, int lease)
    {
        var o = new TelegramOptions { BotToken = "1:a", PollTimeoutSeconds = pollTimeout, PollingLeaseSeconds = lease };

        Assert.Contains("Channels:Telegram:PollingLeaseSeconds", Validator.Validate(null, o).FailureMessage);
        Assert.True(Validator.Validate(null, new TelegramOptions { BotToken = "1:a", PollTimeoutSeconds = pollTimeout, PollingLeaseSeconds = pollTimeout + 1 }).Succeeded);
    }
}
