using System.Net;

namespace ServiceDesk.Bot.Hosting;

/// <summary>
/// Who counts as a caller on this machine, for what runs without credentials in the embedded default (the REST API
/// with no keys, the web chat with no Direct Line secret): a loopback connection that did not come through a proxy.
/// A reverse proxy on the same host connects from loopback for every caller; the forwarding headers proxies add mark
/// the request as someone else's. (A proxy that adds none still looks local: the start-up warnings say so.)
/// </summary>
public static class LocalCaller
{
    /// <summary>Headers a proxy adds to say whom it forwards for (RFC 7239 and the common de-facto ones).</summary>
    public static readonly IReadOnlyList<string> ForwardingHeaders =
        ["Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Real-IP", "X-Original-Forwarded-For"];

    /// <summary>True for a loopback connection (or an in-process test server's, which has none) carrying no forwarding header.</summary>
    public static bool Is(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is not null && !IPAddress.IsLoopback(remote)) return false;
        foreach (var header in ForwardingHeaders)
        {
            if (context.Request.Headers.ContainsKey(header)) return false;
        }
        return true;
    }
}
