using System.Net;
using System.Text;
using ServiceDesk.Bot.Channels.Telegram;
using ServiceDesk.Bot.Channels.Telegram.State;
using ServiceDesk.Bot.Tests.Channels.Telegram.Fake;

namespace ServiceDesk.Bot.Tests.Channels.Telegram;

public sealed class TelegramWebhookEndpointTests : IAsyncLifetime
{
    private const string WebhookUrl = "https://bot.example.com/telegram/webhook";
    private FakeTelegramServer _fake = null!;
    private TelegramAdapterHost _host = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeTelegramServer.StartAsync();
        _host = await TelegramAdapterHost.StartAsync(_fake, TelegramMode.Webhook,
            settings: new Dictionary<string, string?> { ["Channels:Telegram:WebhookUrl"] = WebhookUrl });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostAsync(string body, string? secret = TelegramAdapterHost.Secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null)
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        return _host.Http.SendAsync(request);
    }

    [Fact]
    public async Task Webhook_when_secret_is_right_acknowledges_and_processes_the_update()
    {
        var response = await PostAsync(TelegramSamples.PhotoWithCaption);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _host.Handler.WaitForCountAsync(1);
        Assert.Equal("screenshot of the error", _host.Handler.Received[0].Text);
    }

    [Fact]
    public async Task Webhook_when_secret_is_missing_answers_401_and_processes_nothing()
    {
        var response = await PostAsync(TelegramSamples.Text(1, 7, "sneaky"), secret: null);
        await PostAsync(TelegramSamples.Text(2, 7, "real"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await _host.Handler.WaitForCountAsync(1);
        Assert.Equal("real", Assert.Single(_host.Handler.Received).Text);
    }

    [Fact]
    public async Task Webhook_when_secret_differs_in_case_answers_403_and_processes_nothing()
    {
        var response = await PostAsync(TelegramSamples.Text(1, 7, "sneaky"), secret: "s3cr3t_token-1");
        await PostAsync(TelegramSamples.Text(2, 7, "real"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await _host.Handler.WaitForCountAsync(1);
        Assert.Equal("real", Assert.Single(_host.Handler.Received).Text);
    }

    [Fact]
    public async Task Webhook_when_telegram_redelivers_an_update_processes_it_once()
    {
        await PostAsync(TelegramSamples.CallbackQuery);
        await PostAsync(TelegramSamples.CallbackQuery);
        await PostAsync(TelegramSamples.Text(9, 7, "after"));

        await _host.Handler.WaitForCountAsync(2);

        Assert.Equal(["update:815334003", "update:9"], _host.Handler.Received.Select(m => m.MessageId));
        Assert.Single(_fake.CallsOf("answerCallbackQuery"));
    }

    [Fact]
    public async Task Webhook_when_body_is_not_json_answers_400_and_keeps_working()
    {
        var response = await PostAsync("{\"update_id\":5,\"message\":");
        await PostAsync(TelegramSamples.Text(6, 7, "after"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await _host.Handler.WaitForCountAsync(1);
        Assert.Equal("after", Assert.Single(_host.Handler.Received).Text);
    }

    [Fact]
    public async Task Webhook_when_processing_fails_for_a_while_after_the_acknowledgement_retries_until_it_goes_through()
    {
        var failures = 5;
        _host.Handler.OnMessage = _ => Interlocked.Decrement(ref failures) >= 0 ? throw new InvalidOperationException("database is down") : Task.CompletedTask;

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(TelegramSamples.Text(7, 7, "kept"))).StatusCode);
        await PostAsync(TelegramSamples.Text(8, 7, "next"));
        await _host.Handler.WaitForCountAsync(7);

        Assert.Equal(Enumerable.Repeat("kept", 6).Append("next"), _host.Handler.Received.Select(m => m.Text));
    }

    [Fact]
    public async Task Webhook_when_body_is_oversized_answers_413_and_processes_nothing()
    {
        var huge = TelegramSamples.Text(11, 7, new string('x', 2 << 20));

        var response = await PostAsync(huge);
        await PostAsync(TelegramSamples.Text(12, 7, "after"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await _host.Handler.WaitForCountAsync(1);
        Assert.Equal("after", Assert.Single(_host.Handler.Received).Text);
    }

    [Fact]
    public async Task Webhook_when_an_update_is_processed_forgets_the_copy_kept_for_a_crash()
    {
        await PostAsync(TelegramSamples.Text(21, 7, "kept until done"));
        await _host.Handler.WaitForCountAsync(1);

        var store = _host.Get<ITelegramStateStore>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await store.KeptUpdatesAsync(default)).Count > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(10);
        Assert.Empty(await store.KeptUpdatesAsync(default));
    }

    [Fact]
    public async Task Webhook_when_the_service_stopped_before_processing_an_acknowledged_update_processes_it_at_start()
    {
        var store = new InMemoryTelegramStateStore();
        await store.KeepUpdateAsync(31, TelegramSamples.Text(31, 7, "acknowledged, then the process died"), default);
        await store.KeepUpdateAsync(30, TelegramSamples.Text(30, 7, "the one before"), default);

        await using var restarted = await TelegramAdapterHost.StartAsync(_fake, TelegramMode.Webhook, store);
        await restarted.Handler.WaitForCountAsync(2);

        Assert.Equal(["the one before", "acknowledged, then the process died"], restarted.Handler.Received.Select(m => m.Text));
    }

    [Fact]
    public async Task Webhook_mode_registers_the_webhook_with_its_secret_and_never_polls()
    {
        await _fake.WaitForAsync(c => c.Method == "setWebhook");

        Assert.Equal(WebhookUrl, _fake.WebhookUrl);
        Assert.Equal(TelegramAdapterHost.Secret, _fake.WebhookSecret);
        Assert.Empty(_fake.CallsOf("getUpdates"));
    }
}
