// SPDX-License-Identifier: Apache-2.0
// The corridor binary: everything happens in the command table (cli.c).
#include "cli/cli.h"

int main(int argc, char **argv)
{
	return cor_cli_main(argc, argv);
}
