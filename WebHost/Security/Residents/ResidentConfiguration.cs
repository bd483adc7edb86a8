using Microsoft.Extensions.Options;

namespace Lianxin.WebHost.Security.Residents;

/// <summary>Residents' sign-in settings, checked at start: unusable values, or codes shown where they must never be, stop the host.</summary>
public static class ResidentConfiguration
{
    public static WebApplicationBuilder AddResidentSignIn(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ResidentOptions.Section).Get<ResidentOptions>() ?? new();
        if (options.Problem() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        var demo = Demo.DemoMode.IsEnabled(builder.Configuration);
        if (options.ShowCodes == true && !demo)
        {
            throw new InvalidOperationException("Residents:ShowCodes is for demo mode only: outside it a sign-in code reaches the resident by SMS alone.");
        }

        var shows = demo && options.ShowCodes != false;
        if (shows && builder.Environment.IsProduction())
        {
            throw new InvalidOperationException(
                "Demo mode in the Production environment would answer residents' sign-in codes to whoever asks for them: set Residents:ShowCodes=false (or Demo:Enabled=false).");
        }

        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddSingleton(new ResidentCodeDisplay(shows));
        builder.Services.AddSingleton<ResidentSignInLimits>();
        return builder;
    }
}

/// <summary>Whether this host answers sign-in codes (demo mode only; see <see cref="ResidentOptions.ShowCodes"/>).</summary>
public sealed record ResidentCodeDisplay(bool Shows);
