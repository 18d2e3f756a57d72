// TypeScript declarations of the dialer Node binding (index.js).
import { EventEmitter } from 'node:events';

export type Json = { [key: string]: unknown };

export declare const ProviderEventType: Readonly<{
  RINGING: 0; ANSWERED: 1; AMD: 2; BRIDGED: 3; COMPLETED: 4; FAILED: 5; PLAYBACK_DONE: 6;
}>;
export declare const AmdResult: Readonly<{
  HUMAN: 0; MACHINE_START: 1; MACHINE_END_BEEP: 2; MACHINE_END_SILENCE: 3;
  MACHINE_END_OTHER: 4; FAX: 5; UNKNOWN: 6;
}>;
export declare const CallEndStatus: Readonly<{
  COMPLETED: 0; BUSY: 1; NO_ANSWER: 2; FAILED: 3; CANCELED: 4;
}>;
export declare const AmdMode: Readonly<{ OFF: 0; DETECT: 1; DETECT_MESSAGE_END: 2 }>;
export declare const ParticipantRole: Readonly<{
  AGENT: 0; LISTEN: 1; WHISPER: 2; BARGE: 3; TAKEOVER: 4;
}>;

/** A rejection of the engine: `code` is the status name, `status` its number. */
export declare class DialerError extends Error {
  code: string;
  status: number;
}

export interface DialRequest {
  callId: number;
  to: string;
  callerId: string;
  ringTimeoutUs: number;
  amdMode: number;
  conference: string;
}

/** Implemented by the host; commands are accepted at once, results pushed back. */
export interface TelephonyProvider {
  placeCall(request: DialRequest): void;
  cancelCall(callId: number): void;
  hangup(callId: number): void;
  bridge(callId: number, conference: string): void;
  playAndHangup(callId: number, audio: string, afterBeep: boolean): void;
  setParticipant?(conference: string, participant: string, role: number): void;
}

export interface ProviderEventInput {
  type: number;
  callId: number;
  atUs?: number;
  amd?: number;
  endStatus?: number;
  durationUs?: number;
  errorCode?: number;
  errorMessage?: string;
}

export interface EngineEvent extends Json {
  type: 'agent_state' | 'screen_pop' | 'call' | 'alert' | 'log';
}

export interface Disposition {
  code: string;
  notes?: string;
  fields?: Record<string, string>;
  callbackAtUs?: number;
}

export declare class Engine extends EventEmitter {
  static create(config: Json | null, options: { provider: TelephonyProvider; startUs?: number }): Promise<Engine>;
  close(): Promise<void>;
  addCampaign(campaign: Json): Promise<void>;
  addContact(campaignId: string, contact: Json): Promise<number>;
  importCsv(campaignId: string, csv: string | Buffer, options?: Json): Promise<Json>;
  login(agentId: string, campaignId: string): Promise<void>;
  ready(agentId: string): Promise<void>;
  takeBreak(agentId: string, reason?: string): Promise<void>;
  logout(agentId: string): Promise<void>;
  dialNow(agentId: string): Promise<void>;
  skipContact(agentId: string): Promise<void>;
  hangup(agentId: string): Promise<void>;
  dropVoicemail(agentId: string): Promise<void>;
  /** Hangs up on the machine the agent hears, leaving no message: dispositioned "machine", the agent ready with no wrap-up. */
  hangupMachine(agentId: string): Promise<void>;
  disposition(agentId: string, disposition: Disposition): Promise<void>;
  addNote(agentId: string, text: string): Promise<void>;
  addToDnc(phoneE164: string, source?: string): Promise<void>;
  campaignStats(campaignId: string): Promise<Json>;
  agent(agentId: string): Promise<Json>;
  dashboard(campaignId: string): Promise<Json>;
  advance(seconds: number): Promise<number>;
  pushProviderEvent(event: ProviderEventInput): void;

  on(event: 'agentState' | 'screenPop' | 'callEvent' | 'alert' | 'log' | 'event',
     listener: (event: EngineEvent) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
}

export interface SimulationOptions {
  pacer?: string;
  seed?: number;
  onLogLine?: (line: string) => void;
}
export declare function runSimulation(scenario: string | Json, options?: SimulationOptions): Promise<Json>;
export declare function runSimulationJson(scenario: string | Json, options?: SimulationOptions): Promise<string>;
export declare function version(): [number, number, number];
export declare const versionString: string;
