// MenuOS in the browser: boots kernel.elf in v86 (Multiboot, no BIOS needed), joins its
// first serial port to an xterm.js terminal, and drives the side panel (boot progress, reset,
// the guided steps). window.menuos is what tests/web/browser.cjs reads.
"use strict";

const term = new Terminal({
	cols: 100,
	rows: 34,
	scrollback: 5000,
	fontSize: 14,
	lineHeight: 1.15, // at 1.0 Chromium clips the underscores of the logo
	cursorBlink: true,
});
term.open(document.getElementById("terminal"));

// What the tests look at: every byte of the serial console, the boot time, the machine state.
const menuos = {
	output: "",
	boots: 0, // how many times the machine was started (reset starts it again)
	bootSeconds: null,
	state: "starting",
	// the terminal's own screen and scrollback, as lines of text
	screenText() {
		const buf = term.buffer.active;
		const lines = [];
		for (let i = 0; i < buf.length; i++)
			lines.push(buf.getLine(i).translateToString(true));
		return lines.join("\n");
	},
};
window.menuos = menuos;

let emulator = null;
let kernel = null; // the ArrayBuffer of kernel.elf, fetched once: reset needs no network
let started = 0;
let pending = ""; // serial output not yet written to the terminal

function setState(text) {
	menuos.state = text;
	document.getElementById("state").textContent = text;
}

function markStep(name, how) {
	const li = document.querySelector(`#progress li[data-step="${name}"]`);
	if (li)
		li.className = how;
}

function resetProgress() {
	for (const li of document.querySelectorAll("#progress li"))
		li.className = "";
	document.getElementById("boot-time").textContent = "";
}

// Boot progress read from what the kernel prints (kernel/main.c, user/init.c, the shell).
const MILESTONES = [
	["booting", / booting \(built /],
	["init", /Starting \/bin\/init/],
	["prompt", /MenuOS>> /],
];
let nextMilestone = 0;

function watchBoot() {
	while (nextMilestone < MILESTONES.length) {
		const [step, rx] = MILESTONES[nextMilestone];
		if (!rx.test(menuos.output))
			return;
		markStep(step, "done");
		nextMilestone++;
		if (step === "prompt") {
			menuos.bootSeconds = (performance.now() - started) / 1000;
			document.getElementById("boot-time").textContent =
				`(${menuos.bootSeconds.toFixed(1)} s)`;
			setState("running");
		} else if (nextMilestone < MILESTONES.length) {
			markStep(MILESTONES[nextMilestone][0], "active");
		}
	}
}

// One byte at a time from v86; the terminal is written once per task, not per byte.
function onSerialByte(byte) {
	const ch = String.fromCharCode(byte);
	menuos.output += ch;
	if (pending === "")
		setTimeout(flushTerminal, 0);
	pending += ch;
}

function flushTerminal() {
	term.write(pending);
	pending = "";
	watchBoot();
}

async function fetchKernel() {
	const response = await fetch("kernel.elf");
	if (!response.ok)
		throw new Error(`kernel.elf: HTTP ${response.status}`);
	const total = Number(response.headers.get("Content-Length")) || 0;
	const reader = response.body.getReader();
	const chunks = [];
	let loaded = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done)
			break;
		chunks.push(value);
		loaded += value.length;
		if (total)
			setState(`loading kernel.elf: ${Math.round(loaded * 100 / total)} %`);
	}
	const bytes = new Uint8Array(loaded);
	let at = 0;
	for (const c of chunks) {
		bytes.set(c, at);
		at += c.length;
	}
	return bytes.buffer;
}

async function boot() {
	const boots = ++menuos.boots; // a reset while kernel.elf loads makes this boot stale
	resetProgress();
	menuos.output = "";
	menuos.bootSeconds = null;
	nextMilestone = 0;
	started = performance.now();
	markStep("kernel", "active");
	setState("loading kernel.elf");
	try {
		if (!kernel)
			kernel = await fetchKernel();
	} catch (e) {
		markStep("kernel", "failed");
		setState(`could not load kernel.elf (${e.message}): run make web`);
		return;
	}
	if (boots !== menuos.boots)
		return;
	markStep("kernel", "done");
	markStep("emulator", "active");
	setState("loading the emulator");
	emulator = new V86({
		wasm_path: "v86.wasm", // v86 tries v86-fallback.wasm beside it where this fails
		multiboot: { buffer: kernel.slice(0) }, // a copy: the next boot starts clean
		memory_size: 128 * 1024 * 1024, // as run-qemu.sh's -m 128
		autostart: true,
		disable_keyboard: true, // the console is the serial port, typed into the terminal
		disable_mouse: true,
		disable_speaker: true,
	});
	emulator.add_listener("emulator-started", () => {
		markStep("emulator", "done");
		markStep("booting", "active");
		setState("booting");
	});
	emulator.add_listener("serial0-output-byte", onSerialByte);
	// quit (or a panic) ends in cli; hlt: kernel/power.c under v86, which has no power-off
	emulator.add_listener("cpu-event-halt", () => {
		setState("halted (powered off): press reset to boot again");
		emulator.stop();
	});
}

async function reset() {
	menuos.bootSeconds = null;
	setState("resetting");
	if (emulator) {
		const old = emulator;
		emulator = null;
		await old.destroy();
	}
	pending = "";
	term.reset();
	boot();
}

// Typed keys go to the serial port as they are (Enter is \r; the tty's ICRNL makes it \n).
term.onData((data) => {
	if (emulator)
		emulator.serial0_send(data);
});

function typeCommand(command) {
	if (!emulator)
		return;
	emulator.serial0_send(command + "\r");
	term.focus();
}

document.getElementById("reset").addEventListener("click", reset);
for (const button of document.querySelectorAll("#steps button"))
	button.addEventListener("click", () => typeCommand(button.dataset.command));

boot();
