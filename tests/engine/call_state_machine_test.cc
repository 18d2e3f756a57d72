#include "engine/call_state_machine.h"

#include <vector>

#include "gtest/gtest.h"

namespace dialer::engine {
namespace {

using E = ProviderEventType;
using S = CallState;
using V = Verdict;

const std::vector<S> kAllStates = {S::kDialing,   S::kRinging,  S::kAnswered,
                                   S::kConnecting, S::kConnected, S::kMachine,
                                   S::kAbandoning, S::kEnded};
const std::vector<E> kAllEvents = {E::kRinging,   E::kAnswered,
                                   E::kAmd,       E::kBridged,
                                   E::kCompleted, E::kFailed,
                                   E::kPlaybackDone};

CallFacts Facts(S state, bool answered, uint32_t seen = 0) {
  return CallFacts{state, seen, answered};
}

TEST(CallStateMachineTest, ARepeatedEventIsAlwaysADuplicate) {
  for (S s : kAllStates) {
    for (E e : kAllEvents) {
      EXPECT_EQ(Classify(Facts(s, true, Bit(e)), e), V::kDuplicate)
          << ToString(s) << " " << ToString(e);
    }
  }
}

TEST(CallStateMachineTest, EveryStateEventPairHasAnAnswer) {
  // The table is total: no combination falls through to a default.
  for (S s : kAllStates) {
    for (E e : kAllEvents) {
      for (bool answered : {false, true}) {
        V v = Classify(Facts(s, answered), e);
        EXPECT_TRUE(v == V::kApply || v == V::kStale || v == V::kReject);
      }
    }
  }
}

TEST(CallStateMachineTest, RingingOnlyMovesADialingCall) {
  EXPECT_EQ(Classify(Facts(S::kDialing, false), E::kRinging), V::kApply);
  // Late ringing after the answer is old news, not an error.
  EXPECT_EQ(Classify(Facts(S::kConnected, true), E::kRinging), V::kStale);
  EXPECT_EQ(Classify(Facts(S::kEnded, false), E::kRinging), V::kStale);
}

TEST(CallStateMachineTest, AnswerWithoutRingingIsAccepted) {
  EXPECT_EQ(Classify(Facts(S::kDialing, false), E::kAnswered), V::kApply);
  EXPECT_EQ(Classify(Facts(S::kRinging, false), E::kAnswered), V::kApply);
}

TEST(CallStateMachineTest, AnswerAfterAnEndWithoutAnswerIsRejected) {
  // The call ended as no-answer/busy/failed: an answer now contradicts it.
  EXPECT_EQ(Classify(Facts(S::kEnded, false), E::kAnswered), V::kReject);
  EXPECT_EQ(Classify(Facts(S::kEnded, false), E::kAmd), V::kReject);
  // Ended after an answer: a late answer is consistent, just stale.
  EXPECT_EQ(Classify(Facts(S::kEnded, true), E::kAnswered), V::kStale);
  EXPECT_EQ(Classify(Facts(S::kEnded, true), E::kAmd), V::kStale);
}

TEST(CallStateMachineTest, DetectorVerdictBeforeAnswerImpliesTheAnswer) {
  EXPECT_EQ(Classify(Facts(S::kRinging, false), E::kAmd), V::kApply);
  EXPECT_EQ(Classify(Facts(S::kAnswered, true), E::kAmd), V::kApply);
  // Power mode connected at pick-up; the verdict still gets recorded.
  EXPECT_EQ(Classify(Facts(S::kConnected, true), E::kAmd), V::kApply);
}

TEST(CallStateMachineTest, BridgedOnlyAfterABridgeWasCommanded) {
  EXPECT_EQ(Classify(Facts(S::kConnecting, true), E::kBridged), V::kApply);
  EXPECT_EQ(Classify(Facts(S::kRinging, false), E::kBridged), V::kReject);
  EXPECT_EQ(Classify(Facts(S::kAnswered, true), E::kBridged), V::kReject);
  // The person hung up while the bridge was under way.
  EXPECT_EQ(Classify(Facts(S::kEnded, true), E::kBridged), V::kStale);
}

TEST(CallStateMachineTest, EndEventsCloseAnyLiveCallOnce) {
  for (S s : kAllStates) {
    V expected = s == S::kEnded ? V::kStale : V::kApply;
    EXPECT_EQ(Classify(Facts(s, true), E::kCompleted), expected) << ToString(s);
    EXPECT_EQ(Classify(Facts(s, false), E::kFailed), expected) << ToString(s);
  }
}

TEST(CallStateMachineTest, PlaybackDoneOnlyWhilePlaying) {
  EXPECT_EQ(Classify(Facts(S::kMachine, true), E::kPlaybackDone), V::kApply);
  EXPECT_EQ(Classify(Facts(S::kAbandoning, true), E::kPlaybackDone),
            V::kApply);
  EXPECT_EQ(Classify(Facts(S::kConnected, true), E::kPlaybackDone),
            V::kReject);
  EXPECT_EQ(Classify(Facts(S::kEnded, true), E::kPlaybackDone), V::kStale);
}

TEST(CallStateMachineTest, EndedIsTerminalForTheEngine) {
  for (S to : kAllStates) {
    EXPECT_FALSE(IsEngineTransition(S::kEnded, to)) << ToString(to);
  }
  EXPECT_TRUE(IsEngineTransition(S::kAnswered, S::kConnecting));
  EXPECT_TRUE(IsEngineTransition(S::kConnected, S::kMachine));
  EXPECT_FALSE(IsEngineTransition(S::kConnected, S::kConnecting));
}

TEST(AgentStateMachineTest, AgentTransitionsFollowTheDay) {
  using A = AgentState;
  EXPECT_TRUE(IsAgentTransition(A::kLoggedOut, A::kBreak));
  EXPECT_FALSE(IsAgentTransition(A::kLoggedOut, A::kDialing));
  EXPECT_TRUE(IsAgentTransition(A::kReady, A::kPreview));
  EXPECT_TRUE(IsAgentTransition(A::kPreview, A::kDialing));
  EXPECT_TRUE(IsAgentTransition(A::kDialing, A::kOnCall));
  EXPECT_TRUE(IsAgentTransition(A::kOnCall, A::kWrapUp));
  EXPECT_TRUE(IsAgentTransition(A::kWrapUp, A::kReady));
  EXPECT_FALSE(IsAgentTransition(A::kWrapUp, A::kDialing));
  EXPECT_FALSE(IsAgentTransition(A::kOnCall, A::kLoggedOut));
  EXPECT_FALSE(IsAgentTransition(A::kBreak, A::kOnCall));
  for (A a : {A::kLoggedOut, A::kReady, A::kPreview, A::kDialing, A::kOnCall,
              A::kWrapUp, A::kBreak}) {
    EXPECT_FALSE(IsAgentTransition(a, a)) << ToString(a);
  }
}

}  // namespace
}  // namespace dialer::engine
