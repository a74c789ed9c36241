using System.Net.WebSockets;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>The Direct Line 3.0 routes under <c>/v3/directline</c>; each authorizes, reads the body, then delegates.</summary>
public static class DirectLineRoutes
{
    public const string Prefix = "/v3/directline";

    public static RouteGroupBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix);
        group.AddEndpointFilter(DirectLineCors.Filter);
        group.MapMethods("/{**path}", ["OPTIONS"], DirectLineCors.Preflight);

        group.MapPost("/tokens/generate", (HttpContext http, DirectLineAuthorizer auth, DirectLineBodyReader reader, DirectLineConversations conversations) =>
            WithStartRequestAsync(http, auth, reader, (access, request) => conversations.GenerateAsync(http, access, request, http.RequestAborted)));

        group.MapPost("/tokens/refresh", async (HttpContext http, DirectLineAuthorizer auth, DirectLineConversations conversations) =>
        {
            var access = auth.Authorize(http, null);
            return access.Failure ?? await conversations.RefreshAsync(http, access.Access!, http.RequestAborted);
        });

        group.MapPost("/conversations", (HttpContext http, DirectLineAuthorizer auth, DirectLineBodyReader reader, DirectLineConversations conversations) =>
            WithStartRequestAsync(http, auth, reader, (access, request) => conversations.StartAsync(http, access, request, http.RequestAborted)));

        group.MapGet("/conversations/{conversationId}", async (string conversationId, HttpContext http, DirectLineAuthorizer auth, DirectLineConversations conversations) =>
        {
            var access = auth.Authorize(http, conversationId);
            return access.Failure ?? await conversations.ReconnectAsync(http, access.Access!, conversationId, http.RequestAborted);
        });

        group.MapPost("/conversations/{conversationId}/activities", async (string conversationId, HttpContext http, DirectLineAuthorizer auth, DirectLineBodyReader reader, DirectLineActivities activities) =>
        {
            var access = auth.Authorize(http, conversationId);
            if (access.Failure is not null)
                return access.Failure;
            var body = await reader.ReadObjectAsync(http.Request, required: true, http.RequestAborted);
            if (body.Failure is not null)
                return body.Failure;
            return await activities.PostAsync(access.Access!, conversationId, body.Body!, http.RequestAborted);
        });

        group.MapGet("/conversations/{conversationId}/activities", async (string conversationId, HttpContext http, DirectLineAuthorizer auth, DirectLineActivities activities) =>
        {
            var access = auth.Authorize(http, conversationId);
            return access.Failure ?? await activities.ReadAsync(conversationId, http.Request.Query["watermark"].ToString(), http.RequestAborted);
        });

        group.MapPost("/conversations/{conversationId}/upload", () =>
            DirectLineProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "Uploads are not supported", "The web chat does not accept file uploads; describe the problem in text."));

        group.MapGet("/conversations/{conversationId}/stream", StreamAsync);
        return group;
    }

    /// <summary>Authorizes a start or token request and reads its optional body (<c>{user, locale, room}</c>) before <paramref name="handle"/> runs.</summary>
    private static async Task<IResult> WithStartRequestAsync(HttpContext http, DirectLineAuthorizer auth, DirectLineBodyReader reader,
        Func<DirectLineAccess, ConversationStartRequest, Task<IResult>> handle)
    {
        var access = auth.Authorize(http, null);
        if (access.Failure is not null)
            return access.Failure;
        var body = await reader.ReadObjectAsync(http.Request, required: false, http.RequestAborted);
        if (body.Failure is not null)
            return body.Failure;
        if (!ConversationStartRequest.TryParse(body.Body, out var request, out var error))
            return DirectLineProblems.BadRequest(error);
        return await handle(access.Access!, request);
    }

    private static async Task<IResult> StreamAsync(string conversationId, HttpContext http, DirectLineAuthorizer auth, IDirectLineStore store, DirectLineStream stream)
    {
        var access = auth.Authorize(http, conversationId, http.Request.Query["t"].ToString());
        if (access.Failure is not null)
            return access.Failure;
        var conversation = await store.FindConversationAsync(conversationId, http.RequestAborted);
        if (conversation is null)
            return DirectLineProblems.NotFound(conversationId);
        if (!DirectLineActivities.TryParseWatermark(http.Request.Query["watermark"].ToString(), conversation, out var after))
            return DirectLineProblems.BadRequest("'watermark' must be empty or the watermark of an earlier answer.");
        if (!http.WebSockets.IsWebSocketRequest)
            return DirectLineProblems.BadRequest("The stream is a WebSocket: connect with an Upgrade request to the streamUrl.");

        using WebSocket socket = await http.WebSockets.AcceptWebSocketAsync();
        await stream.RunAsync(socket, conversation, after, http.RequestAborted);
        return Results.Empty;
    }
}
