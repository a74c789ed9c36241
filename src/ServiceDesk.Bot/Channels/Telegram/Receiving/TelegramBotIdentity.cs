using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Channels.Telegram.Api;

namespace ServiceDesk.Bot.Channels.Telegram.Receiving;

/// <summary>The bot's own username (for <c>/cmd@name</c>): from configuration, else getMe, asked until it answers.</summary>
public sealed class TelegramBotIdentity(TelegramBotClient client, IOptions<TelegramOptions> options, ILogger<TelegramBotIdentity> log)
{
    private string? _username = options.Value.BotUsername?.TrimStart('@');

    public async Task<string?> GetUsernameAsync(CancellationToken ct)
    {
        if (_username is not null)
            return _username;
        try
        {
            var me = await client.GetMeAsync(ct);
            return _username = me.Username;
        }
        catch (TelegramApiException e)
        {
            log.LogWarning("getMe failed ({Code} {Description}); commands with any @suffix are accepted for now", e.ErrorCode, e.Description);
            return null;
        }
    }
}
