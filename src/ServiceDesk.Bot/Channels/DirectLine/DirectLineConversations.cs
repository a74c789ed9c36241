using System.Text.Json.Nodes;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>Starting, reconnecting to and authorizing conversations; issuing and refreshing their tokens.</summary>
public sealed class DirectLineConversations(
    IDirectLineStore store,
    DirectLineTokenService tokens,
    WebRooms rooms,
    TimeProvider time)
{
    /// <summary>Creates a conversation (or, for a token made by generate, the token's own) and answers with its token.</summary>
    public async Task<IResult> StartAsync(HttpContext context, DirectLineAccess access, ConversationStartRequest request, CancellationToken ct)
    {
        if (access.Token is { } token && access.Kind == DirectLineAccessKind.Token)
        {
            var existing = await store.FindConversationAsync(token.ConversationId, ct);
            if (existing is not null)
                return Results.Json(Describe(context, existing, token.UserId, includeStream: true), DirectLineJson.Options);
            request = new ConversationStartRequest(token.UserId, request.UserName, request.Locale, token.Room);
        }

        var id = access.Kind == DirectLineAccessKind.Token ? access.Token!.ConversationId : DirectLineIds.NewConversationId();
        var created = await CreateAsync(id, request, ct);
        if (created.Failure is not null)
            return created.Failure;
        var body = Describe(context, created.Conversation!, request.UserId, includeStream: true);
        return Results.Json(body, DirectLineJson.Options, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>POST /tokens/generate: reserves a conversation and returns a token for it (secret holders only).</summary>
    public async Task<IResult> GenerateAsync(HttpContext context, DirectLineAccess access, ConversationStartRequest request, CancellationToken ct)
    {
        if (access.Kind == DirectLineAccessKind.Token)
            return DirectLineProblems.Forbidden("Generating a token needs the Direct Line secret, not a token.");
        var created = await CreateAsync(DirectLineIds.NewConversationId(), request, ct);
        if (created.Failure is not null)
            return created.Failure;
        return Results.Json(Describe(context, created.Conversation!, request.UserId, includeStream: false), DirectLineJson.Options);
    }

    /// <summary>POST /tokens/refresh: a fresh token with the same grants for a caller holding a valid token.</summary>
    public async Task<IResult> RefreshAsync(HttpContext context, DirectLineAccess access, CancellationToken ct)
    {
        if (access.Token is not { } token)
            return access.Kind == DirectLineAccessKind.Secret
                ? DirectLineProblems.BadRequest("Refreshing needs a conversation token; the secret does not expire.")
                : DirectLineProblems.Forbidden("Send the conversation token to refresh as 'Authorization: Bearer <token>'.");
        var conversation = await store.FindConversationAsync(token.ConversationId, ct);
        if (conversation is null)
            return DirectLineProblems.NotFound(token.ConversationId);
        return Results.Json(Describe(context, conversation, token.UserId, includeStream: false, token.Room), DirectLineJson.Options);
    }

    /// <summary>GET /conversations/{id}: reconnect — a new token and stream URL for an existing conversation.</summary>
    public async Task<IResult> ReconnectAsync(HttpContext context, DirectLineAccess access, string conversationId, CancellationToken ct)
    {
        var conversation = await store.FindConversationAsync(conversationId, ct);
        if (conversation is null)
            return DirectLineProblems.NotFound(conversationId);
        var user = access.Token?.UserId ?? conversation.UserId;
        if (!DirectLineActivities.TryParseWatermark(context.Request.Query["watermark"].ToString(), conversation, out var after))
            return DirectLineProblems.BadRequest("'watermark' must be empty or the watermark of an earlier answer.");
        var body = Describe(context, conversation, user, includeStream: true, access.Token?.Room);
        body["streamUrl"] += "&watermark=" + after.ToString(System.Globalization.CultureInfo.InvariantCulture); // resume where the client stands
        return Results.Json(body, DirectLineJson.Options);
    }

    private async Task<(DirectLineConversation? Conversation, IResult? Failure)> CreateAsync(string id, ConversationStartRequest request, CancellationToken ct)
    {
        string? room = null;
        if (request.Room is not null)
        {
            room = rooms.Find(request.Room);
            if (room is null)
                return (null, DirectLineProblems.BadRequest($"'room' must be one of the shared rooms (Channels:WebChat:Rooms); '{request.Room}' is not."));
        }
        else if (request.UserId is not null)
        {
            if (rooms.IsShared(request.UserId))
                return (null, DirectLineProblems.BadRequest($"'user.id' '{request.UserId}' is the name of a shared room; choose another id."));
            room = request.UserId;
        }

        var baseSequence = room is null ? 0 : (await store.GetPositionAsync(room, ct)).LastSequence;
        var conversation = new DirectLineConversation(id, request.UserId, room, baseSequence, request.Locale, time.GetUtcNow());
        if (!await store.TryAddConversationAsync(conversation, ct))
            conversation = (await store.FindConversationAsync(id, ct))!;
        return (conversation, null);
    }

    private JsonObject Describe(HttpContext context, DirectLineConversation conversation, string? userId, bool includeStream, string? room = null)
    {
        var sharedRoom = room ?? (conversation.Room is { } r && rooms.IsShared(r) ? r : null);
        var token = tokens.Issue(conversation.Id, userId, sharedRoom);
        var body = new JsonObject
        {
            ["conversationId"] = conversation.Id,
            ["token"] = token,
            ["expires_in"] = (int)tokens.Lifetime.TotalSeconds,
        };
        if (includeStream)
            body["streamUrl"] = StreamUrl(context, conversation.Id, token);
        return body;
    }

    private static string StreamUrl(HttpContext context, string conversationId, string token)
    {
        var request = context.Request;
        var scheme = request.IsHttps ? "wss" : "ws";
        return $"{scheme}://{request.Host}{request.PathBase}{DirectLineRoutes.Prefix}/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(token)}";
    }
}
