// The two pairs of refusals the APIs answer most, named once for the whole web host.

// An access check's refusal: the target does not exist (404) or is not the caller's to reach (403).
global using AccessRefusal = Lianxin.WebHost.Apis.EitherRefusal<Lianxin.WebHost.Apis.ForbiddenProblem, Lianxin.WebHost.Apis.NotFoundProblem>;

// An actor's refusal of a command: its target does not exist (404) or its state does not allow it (409).
global using StateRefusal = Lianxin.WebHost.Apis.EitherRefusal<Lianxin.WebHost.Apis.NotFoundProblem, Lianxin.WebHost.Apis.ConflictProblem>;
