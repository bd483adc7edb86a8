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

        // Codes are shown only in demo mode, and in the Production environment only when asked for, which is refused:
        // a showroom on a public address must not hand a stranger's code to whoever asks for it.
        var demo = Demo.DemoMode.IsEnabled(builder.Configuration);
        var production = builder.Environment.IsProduction();
        if (options.ShowCodes == true && (!demo || production))
        {
            throw new InvalidOperationException(
                "Residents:ShowCodes=true answers sign-in codes to whoever asks for them: it is for demo mode outside the Production environment only.");
        }

        var shows = demo && (options.ShowCodes ?? !production);
        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddSingleton(new ResidentCodeDisplay(shows));
        builder.Services.AddSingleton<ResidentSignInLimits>();
        return builder;
    }
}

/// <summary>Whether this host answers sign-in codes (demo mode only; see <see cref="ResidentOptions.ShowCodes"/>).</summary>
public sealed record ResidentCodeDisplay(bool Shows);
