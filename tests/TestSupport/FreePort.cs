using System.Net;
using System.Net.Sockets;

namespace Lianxin.TestSupport;

/// <summary>Ports the OS says are free, for silos and gateways of co-hosted test clusters.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
