/*
 * A generic linked list (see linktable.h), as in the course's "menu"
 * program. The course version also holds a pthread mutex; MenuOS user
 * programs have one thread, so this one does not.
 */
#include <stdlib.h>

#include "linktable.h"

struct LinkTable {
	tLinkTableNode *pHead;
	tLinkTableNode *pTail;
	int SumOfNode;
};

tLinkTable *CreateLinkTable(void)
{
	tLinkTable *pLinkTable = malloc(sizeof(tLinkTable));

	if (pLinkTable == NULL)
		return NULL;
	pLinkTable->pHead = NULL;
	pLinkTable->pTail = NULL;
	pLinkTable->SumOfNode = 0;
	return pLinkTable;
}

int DeleteLinkTable(tLinkTable *pLinkTable)
{
	if (pLinkTable == NULL)
		return FAILURE;
	while (pLinkTable->pHead != NULL) {
		tLinkTableNode *pNode = pLinkTable->pHead;

		pLinkTable->pHead = pNode->pNext;
		free(pNode);
	}
	free(pLinkTable);
	return SUCCESS;
}

int AddLinkTableNode(tLinkTable *pLinkTable, tLinkTableNode *pNode)
{
	if (pLinkTable == NULL || pNode == NULL)
		return FAILURE;
	pNode->pNext = NULL;
	if (pLinkTable->pHead == NULL)
		pLinkTable->pHead = pNode;
	else
		pLinkTable->pTail->pNext = pNode;
	pLinkTable->pTail = pNode;
	pLinkTable->SumOfNode++;
	return SUCCESS;
}

int DelLinkTableNode(tLinkTable *pLinkTable, tLinkTableNode *pNode)
{
	tLinkTableNode *pPrev = NULL;
	tLinkTableNode *pTemp;

	if (pLinkTable == NULL || pNode == NULL)
		return FAILURE;
	for (pTemp = pLinkTable->pHead; pTemp != NULL; pTemp = pTemp->pNext) {
		if (pTemp == pNode)
			break;
		pPrev = pTemp;
	}
	if (pTemp == NULL)
		return FAILURE; /* not in this table */

	if (pPrev == NULL)
		pLinkTable->pHead = pNode->pNext;
	else
		pPrev->pNext = pNode->pNext;
	if (pLinkTable->pTail == pNode)
		pLinkTable->pTail = pPrev;
	pNode->pNext = NULL;
	pLinkTable->SumOfNode--;
	return SUCCESS;
}

tLinkTableNode *SearchLinkTableNode(tLinkTable *pLinkTable,
				    int Condition(tLinkTableNode *pNode,
						  void *args),
				    void *args)
{
	tLinkTableNode *pNode;

	if (pLinkTable == NULL || Condition == NULL)
		return NULL;
	for (pNode = pLinkTable->pHead; pNode != NULL; pNode = pNode->pNext) {
		if (Condition(pNode, args) == SUCCESS)
			return pNode;
	}
	return NULL;
}

tLinkTableNode *GetLinkTableHead(tLinkTable *pLinkTable)
{
	if (pLinkTable == NULL)
		return NULL;
	return pLinkTable->pHead;
}

tLinkTableNode *GetNextLinkTableNode(tLinkTable *pLinkTable,
				     tLinkTableNode *pNode)
{
	if (pLinkTable == NULL || pNode == NULL)
		return NULL;
	return pNode->pNext;
}
