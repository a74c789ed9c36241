using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ServiceDesk.Bot.Hosting;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>
/// Decides who may call. With a secret configured: no credentials → 401; the secret → full access; a token →
/// its own conversation only, 403 when forged, expired or for another conversation. Without a secret the channel
/// is open, but only to clients on this machine (<see cref="LocalCaller"/>).
/// </summary>
public sealed class DirectLineAuthorizer(IOptions<WebChatOptions> options, DirectLineTokenService tokens)
{
    private readonly byte[]? _secret = string.IsNullOrEmpty(options.Value.DirectLineSecret)
        ? null
        : Encoding.UTF8.GetBytes(options.Value.DirectLineSecret);

    public bool IsOpen => _secret is null;

    /// <summary>Checks the caller; <paramref name="conversationId"/> is the conversation the request is about, if any.</summary>
    public DirectLineAuthResult Authorize(HttpContext context, string? conversationId, string? queryToken = null)
    {
        var credential = BearerCredential.Read(context.Request) ?? (string.IsNullOrEmpty(queryToken) ? null : queryToken);
        if (_secret is null)
        {
            if (!LocalCaller.Is(context))
                return DirectLineAuthResult.Fail(DirectLineProblems.Forbidden(
                    "The web chat runs open (no Channels:WebChat:DirectLineSecret configured) and answers clients on this machine only, not through a proxy."));
            tokens.TryRead(credential, out var openToken, out _);
            return DirectLineAuthResult.Ok(new DirectLineAccess(DirectLineAccessKind.Open, openToken));
        }

        if (credential is null)
            return DirectLineAuthResult.Fail(DirectLineProblems.Unauthorized(
                "Send 'Authorization: Bearer <Direct Line secret or token>'."));

        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(credential), _secret))
            return DirectLineAuthResult.Ok(new DirectLineAccess(DirectLineAccessKind.Secret, null));

        if (!tokens.TryRead(credential, out var token, out var reason))
            return DirectLineAuthResult.Fail(DirectLineProblems.Forbidden(reason));

        if (conversationId is not null && !string.Equals(token!.ConversationId, conversationId, StringComparison.Ordinal))
            return DirectLineAuthResult.Fail(DirectLineProblems.Forbidden("The token is for another conversation."));

        return DirectLineAuthResult.Ok(new DirectLineAccess(DirectLineAccessKind.Token, token));
    }
}

/// <summary>Either access or the problem to answer with.</summary>
public readonly record struct DirectLineAuthResult(DirectLineAccess? Access, IResult? Failure)
{
    public static DirectLineAuthResult Ok(DirectLineAccess access) => new(access, null);

    public static DirectLineAuthResult Fail(IResult failure) => new(null, failure);
}
