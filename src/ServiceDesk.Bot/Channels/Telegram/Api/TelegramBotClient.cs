using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ServiceDesk.Bot.Channels.Telegram.Api;

/// <summary>
/// The Bot API over HttpClient: POST JSON to <c>{ApiBaseUrl}/bot{token}/{method}</c>, unwrap the envelope,
/// throw <see cref="TelegramApiException"/> on <c>ok:false</c>. Request URLs carry the token and are never logged.
/// </summary>
public sealed class TelegramBotClient(HttpClient http, IOptions<TelegramOptions> options)
{
    public const string HttpClientName = "telegram";

    private static readonly string[] AllowedUpdates = ["message", "edited_message", "callback_query", "my_chat_member"];

    public Task<User> GetMeAsync(CancellationToken ct) => CallAsync<object, User>("getMe", new { }, ct);

    /// <summary>Raw updates: each is parsed on its own (<see cref="TelegramUpdateReader"/>) so one malformed update cannot stall polling.</summary>
    public Task<IReadOnlyList<JsonElement>> GetUpdatesAsync(long? offset, int limit, int timeoutSeconds, CancellationToken ct) =>
        CallAsync<GetUpdatesRequest, IReadOnlyList<JsonElement>>("getUpdates", new(offset, limit, timeoutSeconds, AllowedUpdates), ct);

    public Task<bool> SetWebhookAsync(string url, string? secretToken, CancellationToken ct) =>
        CallAsync<SetWebhookRequest, bool>("setWebhook", new(url, secretToken, AllowedUpdates), ct);

    public Task<bool> DeleteWebhookAsync(CancellationToken ct) =>
        CallAsync<DeleteWebhookRequest, bool>("deleteWebhook", new(), ct);

    public Task<Message> SendMessageAsync(SendMessageRequest request, CancellationToken ct) =>
        CallAsync<SendMessageRequest, Message>("sendMessage", request, ct);

    public Task<Message> EditMessageTextAsync(EditMessageTextRequest request, CancellationToken ct) =>
        CallAsync<EditMessageTextRequest, Message>("editMessageText", request, ct);

    public Task<bool> AnswerCallbackQueryAsync(AnswerCallbackQueryRequest request, CancellationToken ct) =>
        CallAsync<AnswerCallbackQueryRequest, bool>("answerCallbackQuery", request, ct);

    public Task<bool> SetMyCommandsAsync(SetMyCommandsRequest request, CancellationToken ct) =>
        CallAsync<SetMyCommandsRequest, bool>("setMyCommands", request, ct);

    public Task<ForumTopic> CreateForumTopicAsync(CreateForumTopicRequest request, CancellationToken ct) =>
        CallAsync<CreateForumTopicRequest, ForumTopic>("createForumTopic", request, ct);

    public Task<Chat> GetChatAsync(long chatId, CancellationToken ct) =>
        CallAsync<GetChatRequest, Chat>("getChat", new(chatId), ct);

    private async Task<TResult> CallAsync<TRequest, TResult>(string method, TRequest request, CancellationToken ct)
    {
        var o = options.Value;
        var uri = new Uri($"{o.ApiBaseUrl.TrimEnd('/')}/bot{o.BotToken}/{method}");
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsJsonAsync(uri, request, TelegramJson.Options, ct);
        }
        catch (HttpRequestException e)
        {
            // The exception text may contain the URL, hence the token: do not pass it on.
            throw new TelegramApiException(method, 0, $"network error ({e.HttpRequestError})");
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new TelegramApiException(method, 0, "timed out", inner: e);
        }

        using (response)
        {
            ApiResponse<TResult>? envelope;
            try
            {
                envelope = await response.Content.ReadFromJsonAsync<ApiResponse<TResult>>(TelegramJson.Options, ct);
            }
            catch (JsonException e)
            {
                throw new TelegramApiException(method, (int)response.StatusCode, "response is not a Bot API envelope", inner: e);
            }

            if (envelope is null)
                throw new TelegramApiException(method, (int)response.StatusCode, "empty response");
            if (!envelope.Ok)
                throw new TelegramApiException(method, envelope.ErrorCode ?? (int)response.StatusCode,
                    envelope.Description ?? "no description", envelope.Parameters);
            if (envelope.Result is null)
                throw new TelegramApiException(method, (int)response.StatusCode, "ok without result");
            return envelope.Result;
        }
    }
}
