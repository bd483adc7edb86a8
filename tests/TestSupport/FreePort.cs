using System.Net;
using System.Net.Sockets;

namespace Lianxin.TestSupport;

/// <summary>
/// Ports the OS says are free right now on loopback: for the silos, gateways and listeners of test hosts and of the
/// benchmark harness (which compiles this file in), never fixed ports.
/// </summary>
public static class FreePort
{
    /// <summary>A port nothing listens on at this moment.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
