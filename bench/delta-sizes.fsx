// Live delta sizes by protocol version for a 55-center region, driving the feed's LivePicture directly (no host):
// how many centers change per 100 ms window and how many of their function counts. Build tests/Grains.Tests first,
// then: cd bench && dotnet fsi delta-sizes.fsx
#r "../tests/Grains.Tests/bin/Release/net10.0/Orleans.Core.Abstractions.dll"
#r "../tests/Grains.Tests/bin/Release/net10.0/Orleans.Serialization.Abstractions.dll"
#r "../tests/Grains.Tests/bin/Release/net10.0/Orleans.Serialization.dll"
#r "../tests/Grains.Tests/bin/Release/net10.0/Orleans.Core.dll"
#r "../tests/Grains.Tests/bin/Release/net10.0/Lianxin.Grains.Interfaces.dll"
#r "../tests/Grains.Tests/bin/Release/net10.0/Lianxin.Grains.dll"
open System
open System.Collections.Generic
open Lianxin.Live
open Lianxin.Centers
open Lianxin.Common
let t0 = DateTimeOffset(2026,12,1,2,0,0,TimeSpan.Zero)
let card (id:string) lvl parent = CenterCard(id, "港口社区党群服务中心", lvl, parent, GeoPoint(27.69215,121.178293), OpeningHours(TimeOnly(8,0), TimeOnly(20,30)), true, CenterLive.Empty, 1, 4, t0)
let ids = [ for i in 1 .. 55 -> sprintf "ld-dg-c%02d" i ]
let run changed fns =
  let p = LivePicture("region:ld")
  let items = Dictionary<string,obj>()
  items.["center:ld"] <- box (card "ld" CenterLevel.District null)
  for id in ids do items.["center:" + id] <- box (card id CenterLevel.Community "ld")
  p.Seed(items, t0)
  let rnd = Random(1)
  let counts = Dictionary<string, Dictionary<BasicFunction,int>>()
  let mutable last = 0
  let mutable lastV1 = 0
  for cut in 1 .. 20 do
    for id in ids |> List.take changed do
      let d = match counts.TryGetValue id with | true, d -> d | _ -> (let d = Dictionary<BasicFunction,int>() in counts.[id] <- d; d)
      for f in 0 .. fns - 1 do
        let fn = enum<BasicFunction> (rnd.Next(10))
        d.[fn] <- (match d.TryGetValue fn with | true, v -> v | _ -> 0) + 1 + rnd.Next(3)
      p.PublishActivity(id, CenterActivityFigures(rnd.Next(50), Dictionary<BasicFunction,int>(d), 0, 1), t0.AddSeconds(float cut)) |> ignore
    let patch = p.CutPatch(int64 (cut + 1), t0.AddSeconds(float cut))
    last <- patch.Json.Length
    lastV1 <- System.Text.Json.JsonSerializer.Serialize(p.CutDelta(int64 (cut + 1)), LiveJson.Options).Length
  printfn "centers changed %d, functions per center %d: v2 %d B, v1 %d B" changed fns last lastV1
run 1 1
run 5 2
run 12 2
run 15 3
run 40 3
